import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { iso, timeCursor, toPage } from '../common/pagination';

export type CaseEventType =
  | 'case.created'
  | 'case.updated'
  | 'draft.version_created'
  | 'case.transitioned'
  | 'comment.added'
  | 'approval.recorded'
  | 'attachment.uploaded';

interface CaseEventRow {
  id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export const caseEventView = (r: CaseEventRow) => ({
  id: r.id,
  type: r.type,
  actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
  data: r.data,
  createdAt: iso(r.created_at)!,
});

/** The timeline of a case: one row per thing that happened, written in the transaction of the change itself. */
@Injectable()
export class CaseEventsService {
  constructor(private readonly db: TenantDb) {}

  async record(tx: TenantTransaction, caseId: string, type: CaseEventType, data: Record<string, unknown> = {}): Promise<void> {
    const actor = TenantContext.current()?.actor;
    // clock_timestamp, not now(): several events of one transaction keep the order they happened in.
    await tx.query(
      `INSERT INTO case_events (tenant_id, case_id, type, actor_type, actor_id, actor_name, data, created_at)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, clock_timestamp())`,
      [caseId, type, actor?.kind ?? 'system', actor?.id ?? null, actor?.name ?? null, JSON.stringify(data)],
    );
  }

  /** Oldest first; the caller has checked that the case exists. */
  async list(caseId: string, limit: number, cursor?: string) {
    const after = timeCursor.decode(cursor);
    const rows = await this.db.read<CaseEventRow>(sql`
      SELECT id, type, actor_type, actor_id, actor_name, data, created_at FROM case_events
      WHERE case_id = ${caseId}::uuid
        AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY created_at, id LIMIT ${limit + 1}`);
    return toPage(rows, limit, caseEventView, (r) => timeCursor.encode(r.created_at, r.id));
  }
}
