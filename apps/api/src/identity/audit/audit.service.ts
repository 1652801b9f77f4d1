import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { iso, timeCursor, toPage } from '../../common/pagination';

export type AuditType =
  | 'auth.signup'
  | 'auth.login.succeeded'
  | 'auth.login.failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.refresh_reuse_detected'
  | 'user.invited'
  | 'user.invite_accepted'
  | 'user.email_confirmed'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'settings.branding_changed';

export interface AuditInput {
  type: AuditType;
  actorType?: string;
  actorId?: string | null;
  actorLabel?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown>;
}

interface AuditRow {
  id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown>;
  created_at: Date;
}

/** Append-only security events per tenant (the app role has no reason to update or delete them). */
@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  /** Records inside the caller's transaction, so the event and the change it describes commit together. */
  async record(tx: TenantTransaction, event: AuditInput): Promise<void> {
    const scope = TenantContext.current();
    await tx.query(
      `INSERT INTO audit_events (tenant_id, type, actor_type, actor_id, actor_label, target_type, target_id, ip, metadata)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.type,
        event.actorType ?? scope?.actor.kind ?? 'system',
        event.actorId ?? scope?.actor.id ?? null,
        event.actorLabel ?? scope?.actor.name ?? null,
        event.targetType ?? null,
        event.targetId ?? null,
        event.ip ?? scope?.ip ?? null,
        JSON.stringify(event.metadata ?? {}),
      ],
    );
  }

  async list(limit: number, cursor?: string) {
    const after = timeCursor.decode(cursor);
    const rows = await this.db.read<AuditRow>(sql`
      SELECT id, type, actor_type, actor_id, actor_label, target_type, target_id, ip, metadata, created_at
      FROM audit_events
      WHERE ${after ? sql.raw(sql`(created_at, id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY created_at DESC, id DESC
      LIMIT ${limit + 1}`);
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        type: r.type,
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        metadata: r.metadata,
        createdAt: iso(r.created_at)!,
      }),
      (r) => timeCursor.encode(r.created_at, r.id),
    );
  }
}
