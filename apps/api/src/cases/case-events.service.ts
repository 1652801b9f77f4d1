import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { recordCaseEvent, type CaseEventType } from '@poa/jobs';
import { iso, timeCursor, toPage } from '../common/pagination';

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
    await recordCaseEvent(tx, { caseId, type, actor: { kind: actor?.kind ?? 'system', id: actor?.id ?? null, name: actor?.name ?? null }, data });
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
