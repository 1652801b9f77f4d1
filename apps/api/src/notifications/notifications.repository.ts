import { Injectable } from '@nestjs/common';
import { columnsOf, Notification, sql, TenantDb } from '@poa/db';

const LISTED = columnsOf(Notification, ['id', 'kind', 'caseId', 'title', 'body', 'readAt', 'createdAt']);
export type NotificationRow = typeof LISTED.$row;

/** A user's own notifications and e-mail preferences; every statement names the user. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: TenantDb) {}

  /** One page (plus one row), newest first. */
  page(userId: string, limit: number, after: { sortValue: string; id: string } | null): Promise<NotificationRow[]> {
    const cursor = after ? sql`AND (created_at, id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)` : sql``;
    return this.db.read<NotificationRow>(
      sql`SELECT ${sql.raw(LISTED.columns)} FROM notifications WHERE user_id = ${userId} ${sql.raw(cursor)}
          ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.read<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
    );
    return row.n;
  }

  /** Marks it read (the first read time is kept); undefined when the user has no such notification. */
  async markRead(userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await this.db.transaction((tx) =>
      tx.query<NotificationRow>(
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${LISTED.columns}`,
        [id, userId],
      ),
    );
    return row;
  }

  async preferences(userId: string): Promise<Record<string, boolean>> {
    const [row] = await this.db.read<{ email_preferences: Record<string, boolean> }>(
      sql`SELECT email_preferences FROM users WHERE id = ${userId}`,
    );
    return row?.email_preferences ?? {};
  }

  async mergePreferences(userId: string, email: Record<string, boolean>): Promise<Record<string, boolean>> {
    const [row] = await this.db.transaction((tx) =>
      tx.query<{ email_preferences: Record<string, boolean> }>(
        `UPDATE users SET email_preferences = email_preferences || $2::jsonb WHERE id = $1 RETURNING email_preferences`,
        [userId, JSON.stringify(email)],
      ),
    );
    return row?.email_preferences ?? {};
  }
}
