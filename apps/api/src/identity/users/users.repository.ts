import { Injectable } from '@nestjs/common';
import { columnsOf, type RowOf, sql, TenantDb, type TenantTransaction, User } from '@poa/db';
import type { StaffRole } from '@poa/domain';

const USER = columnsOf(User, [
  'id',
  'tenantId',
  'email',
  'name',
  'role',
  'status',
  'passwordHash',
  'tokenVersion',
  'createdAt',
  'lastLoginAt',
]);
/** The role column only ever holds a staff role (sign-up, invites and role changes write it). */
export type UserRow = Omit<typeof USER.$row, 'role'> & { role: StaffRole };
type InvitedRow = UserRow & Pick<RowOf<User>, 'invite_token_hash' | 'invite_expires_at'>;
type ConfirmationRow = Pick<RowOf<User>, 'id' | 'email' | 'email_token_hash'> & { usable: boolean };
type HolderRow = Pick<RowOf<User>, 'tenant_id' | 'name'>;

/** What the staff JWT strategy reads on every request: one prepared statement with a constant text. */
const ACCESS = columnsOf(User, ['id', 'name', 'email', 'role', 'status', 'tokenVersion']);
const ACCESS_TEXT = `SELECT ${ACCESS.columns} FROM users WHERE id = $1::uuid`;
export type AccessRow = typeof ACCESS.$row;

/** The users table: staff accounts, invites, sessions' token versions and e-mail confirmation. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: TenantDb) {}

  accessCheck(tenantId: string, id: string): Promise<Array<typeof ACCESS.$row>> {
    return this.db.read<typeof ACCESS.$row>(sql.prepared(ACCESS_TEXT, [id]), { tenantId });
  }

  page(limit: number, after: { sortValue: string; id: string } | null): Promise<UserRow[]> {
    return this.db.read<UserRow>(sql`
      SELECT ${sql.raw(USER.columns)} FROM users
      WHERE ${after ? sql.raw(sql`(lower(name), id) > (${after.sortValue}, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY lower(name), id LIMIT ${limit + 1}`);
  }

  async byId(tx: TenantTransaction, id: string): Promise<UserRow | undefined> {
    const [user] = await tx.query<UserRow>(`SELECT ${USER.columns} FROM users WHERE id = $1`, [id]);
    return user;
  }

  async lockById(tx: TenantTransaction, id: string): Promise<UserRow | undefined> {
    const [user] = await tx.query<UserRow>(`SELECT ${USER.columns} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return user;
  }

  /** Before the tenant is known: the narrow login_email policy lets this one transaction see the address's rows. */
  byConfirmedEmail(email: string): Promise<UserRow | undefined> {
    return this.db.systemTransaction({ 'app.login_email': email }, async (tx) => {
      const [row] = await tx.query<UserRow>(`SELECT ${USER.columns} FROM users WHERE email = $1 AND email_confirmed_at IS NOT NULL`, [
        email,
      ]);
      return row;
    });
  }

  async insertOwner(
    tx: TenantTransaction,
    tenantId: string,
    user: { email: string; name: string; passwordHash: string },
  ): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(
      `INSERT INTO users (tenant_id, email, name, role, status, password_hash) VALUES ($1, $2, $3, 'owner', 'active', $4) RETURNING ${USER.columns}`,
      [tenantId, user.email, user.name, user.passwordHash],
    );
    return row;
  }

  async insertInvited(
    tx: TenantTransaction,
    user: { id: string; tenantId: string; email: string; name: string; role: StaffRole; inviteTokenHash: string; ttlDays: number },
  ): Promise<UserRow & { invite_expires_at: Date }> {
    const [row] = await tx.query<UserRow & { invite_expires_at: Date }>(
      `INSERT INTO users (id, tenant_id, email, name, role, status, invite_token_hash, invite_expires_at)
       VALUES ($1, $2, $3, $4, $5, 'invited', $6, now() + make_interval(days => $7)) RETURNING ${USER.columns}, invite_expires_at`,
      [user.id, user.tenantId, user.email, user.name, user.role, user.inviteTokenHash, user.ttlDays],
    );
    return row;
  }

  async lockInvited(tx: TenantTransaction, id: string): Promise<InvitedRow | undefined> {
    const [user] = await tx.query<InvitedRow>(
      `SELECT ${USER.columns}, invite_token_hash, invite_expires_at FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return user;
  }

  async acceptInvite(tx: TenantTransaction, id: string, passwordHash: string): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET status = 'active', password_hash = $2, invite_token_hash = NULL, invite_expires_at = NULL, last_login_at = now() WHERE id = $1 RETURNING ${USER.columns}`,
      [id, passwordHash],
    );
    return row;
  }

  async recordLogin(tx: TenantTransaction, id: string): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(`UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING ${USER.columns}`, [id]);
    return row;
  }

  async setPassword(tx: TenantTransaction, id: string, passwordHash: string): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1 RETURNING ${USER.columns}`,
      [id, passwordHash],
    );
    return row;
  }

  /** Ends every access token of the user (see the staff JWT strategy). */
  async bumpTokenVersion(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  async update(tx: TenantTransaction, id: string, change: { role: StaffRole | null; name: string | null }): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET role = COALESCE($2, role), name = COALESCE($3, name) WHERE id = $1 RETURNING ${USER.columns}`,
      [id, change.role, change.name],
    );
    return row;
  }

  async deactivate(tx: TenantTransaction, id: string): Promise<UserRow> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET status = 'deactivated', token_version = token_version + 1, invite_token_hash = NULL WHERE id = $1 RETURNING ${USER.columns}`,
      [id],
    );
    return row;
  }

  async anotherActiveOwner(tx: TenantTransaction, id: string): Promise<boolean> {
    const others = await tx.query(`SELECT 1 FROM users WHERE role = 'owner' AND status = 'active' AND id <> $1 LIMIT 1`, [id]);
    return others.length > 0;
  }

  /** The confirmed account holding an address in any agency: the log-in policy is opened for this one query. */
  async confirmedHolder(tx: TenantTransaction, email: string): Promise<HolderRow | undefined> {
    await tx.query(`SELECT set_config('app.login_email', $1, true)`, [email]);
    const [holder] = await tx.query<HolderRow>(`SELECT tenant_id, name FROM users WHERE email = $1 AND email_confirmed_at IS NOT NULL`, [
      email,
    ]);
    await tx.query(`SELECT set_config('app.login_email', '', true)`);
    return holder;
  }

  async setEmailToken(tx: TenantTransaction, id: string, hash: string, ttlHours: number): Promise<void> {
    await tx.query(`UPDATE users SET email_token_hash = $2, email_token_expires_at = now() + make_interval(hours => $3) WHERE id = $1`, [
      id,
      hash,
      ttlHours,
    ]);
  }

  async lockForConfirmation(tx: TenantTransaction, id: string): Promise<ConfirmationRow | undefined> {
    const [user] = await tx.query<ConfirmationRow>(
      `SELECT id, email, email_token_hash, (email_token_expires_at > now() AND email_confirmed_at IS NULL AND status = 'active') AS usable FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return user;
  }

  async confirmEmail(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`UPDATE users SET email_confirmed_at = now(), email_token_hash = NULL, email_token_expires_at = NULL WHERE id = $1`, [
      id,
    ]);
  }
}
