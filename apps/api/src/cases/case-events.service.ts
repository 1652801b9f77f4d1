import { Injectable } from '@nestjs/common';
import { TenantContext, type TenantTransaction } from '@poa/db';
import { recordCaseEvent, type CaseEventType } from '@poa/jobs';
import { iso, timeCursor, toPage } from '../common/pagination';
import { CaseEventsRepository, type CaseEventRow } from './case-events.repository';

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
  constructor(private readonly repository: CaseEventsRepository) {}

  async record(tx: TenantTransaction, caseId: string, type: CaseEventType, data: Record<string, unknown> = {}): Promise<void> {
    const actor = TenantContext.current()?.actor;
    await recordCaseEvent(tx, {
      caseId,
      type,
      actor: { kind: actor?.kind ?? 'system', id: actor?.id ?? null, name: actor?.name ?? null },
      data,
    });
  }

  /** Oldest first; the caller has checked that the case exists. */
  async list(caseId: string, limit: number, cursor?: string) {
    const after = timeCursor.decode(cursor);
    const rows = await this.repository.list(caseId, limit, after);
    return toPage(rows, limit, caseEventView, (r) => timeCursor.encode(r.created_at, r.id));
  }
}
