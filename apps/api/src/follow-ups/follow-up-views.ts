import { followUpStatus, type Cadence, type CheckInResult } from '@poa/domain';
import { iso } from '../common/pagination';
import type { CheckInRow, FollowUpRow } from './follow-ups.repository';

type ActorType = 'user' | 'api_key' | 'contact';

export const checkInView = (r: Omit<CheckInRow, 'checked_at'> & { checked_at: Date | string }) => ({
  id: r.id,
  result: r.result as CheckInResult,
  note: r.note,
  attachmentId: r.attachment_id,
  checkedAt: iso(r.checked_at)!,
  by: { type: r.actor_type as ActorType, name: r.actor_name },
});

export const followUpView = (now: Date) => (r: FollowUpRow) => ({
  id: r.id,
  caseId: r.case_id,
  clientId: r.client_id,
  caseReference: r.case_reference,
  clientName: r.client_name,
  measure: r.measure,
  frequency: r.frequency,
  owner: r.owner,
  cadence: r.cadence as Cadence,
  cadenceSource: r.cadence_source as 'parsed' | 'default' | 'edited',
  status: followUpStatus(r.next_due_at ? new Date(r.next_due_at) : null, now),
  nextDueAt: iso(r.next_due_at),
  lastCheckIn: r.last_check_in ? checkInView(r.last_check_in) : null,
});
