import { Injectable } from '@nestjs/common';
import { CaseEvent, columnsOf, sql, TenantDb } from '@poa/db';
import type { timeCursor } from '../common/pagination';

const EVENT = columnsOf(CaseEvent, ['id', 'type', 'actorType', 'actorId', 'actorName', 'data', 'createdAt']);
export type CaseEventRow = typeof EVENT.$row;

/** The timeline's reads; events are written only through recordCaseEvent of @poa/jobs. */
@Injectable()
export class CaseEventsRepository {
  constructor(private readonly db: TenantDb) {}

  /** One page (plus one row to tell whether more follow), oldest first, after the cursor position. */
  async list(caseId: string, limit: number, after: ReturnType<typeof timeCursor.decode>): Promise<CaseEventRow[]> {
    return this.db.read<CaseEventRow>(sql`
      SELECT ${sql.raw(EVENT.columns)} FROM case_events
      WHERE case_id = ${caseId}::uuid
        AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY created_at, id LIMIT ${limit + 1}`);
  }
}
