import { Injectable } from '@nestjs/common';
import { AuditEvent, columnsOf, sql, TenantDb, type TenantTransaction } from '@poa/db';

const AUDIT = columnsOf(AuditEvent, [
  'id',
  'type',
  'actorType',
  'actorId',
  'actorLabel',
  'targetType',
  'targetId',
  'ip',
  'metadata',
  'createdAt',
]);
export type AuditRow = typeof AUDIT.$row;

export interface AuditEventValues {
  type: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: Record<string, unknown>;
}

/** The audit_events table: appended to inside a caller's transaction, read newest first. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(tx: TenantTransaction, e: AuditEventValues): Promise<void> {
    await tx.query(
      `INSERT INTO audit_events (tenant_id, type, actor_type, actor_id, actor_label, target_type, target_id, ip, metadata)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.type, e.actorType, e.actorId, e.actorLabel, e.targetType, e.targetId, e.ip, JSON.stringify(e.metadata)],
    );
  }

  /** One page (limit + 1 rows, to tell whether there is a next) before the cursor's (created_at, id). */
  page(limit: number, after: { sortValue: string; id: string } | null): Promise<AuditRow[]> {
    return this.db.read<AuditRow>(sql`
      SELECT ${sql.raw(AUDIT.columns)}
      FROM audit_events
      WHERE ${after ? sql.raw(sql`(created_at, id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY created_at DESC, id DESC
      LIMIT ${limit + 1}`);
  }
}
