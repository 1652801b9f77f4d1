import { describeCadence, type Cadence } from './cadence';

/** What a check of a safety net found. */
export const CHECK_IN_RESULTS = ['done', 'problem'] as const;
export type CheckInResult = (typeof CHECK_IN_RESULTS)[number];

/** Where a follow-up stands: its check is late, falls due within `DUE_WINDOW_MS`, or is fine (events never fall due). */
export const FOLLOW_UP_STATUSES = ['due', 'overdue', 'ok'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** How long before its next check a follow-up counts as due. */
export const DUE_WINDOW_MS = 3 * 24 * 3600_000;

export function followUpStatus(nextDueAt: Date | null, now: Date): FollowUpStatus {
  if (!nextDueAt) return 'ok';
  if (nextDueAt.getTime() <= now.getTime()) return 'overdue';
  return nextDueAt.getTime() - now.getTime() <= DUE_WINDOW_MS ? 'due' : 'ok';
}

/** The sentence a safety-net log opens each measure with, in the seller's voice: "We check ... every week." */
export function safetyNetIntro(measure: string, cadence: Cadence, owner: string): string {
  const what = measure.trim().replace(/[.\s]+$/, '');
  const when = cadence === 'event' ? 'each time it applies' : describeCadence(cadence);
  return `We check: ${what}, ${when}${owner.trim() ? ` (responsible: ${owner.trim()})` : ''}.`;
}

/** One line of the log: "Checked on 2026-03-02: done. Note." */
export function safetyNetLine(checkedAt: Date, result: CheckInResult, note: string): string {
  const day = checkedAt.toISOString().slice(0, 10);
  const outcome = result === 'done' ? 'done' : 'problem found';
  const text = note.trim();
  return `Checked on ${day}: ${outcome}${text ? `. ${text.replace(/[.\s]+$/, '')}` : ''}.`;
}

/** The e-mail a client's contact gets when a check falls due. */
export function followUpDueMessage(f: { measure: string; cadence: Cadence; nextDueAt: Date; caseReference: string }) {
  return {
    subject: `Safety check due: ${truncate(f.measure, 60)}`,
    text:
      `Your safety check "${f.measure}" (${describeCadence(f.cadence)}) was due on ${f.nextDueAt.toISOString().slice(0, 10)}.\n` +
      `Record it in your portal, "Your safety checks": done, or a problem you found. ` +
      `Amazon may ask for proof that your preventive measures really run (${f.caseReference}).`,
  };
}

/** The notification the case's assignee gets when the client reports a problem with a safety net. */
export function followUpProblemMessage(f: { measure: string; note: string; clientName: string; caseReference: string }) {
  return {
    title: `${f.clientName}: problem with a safety check (${f.caseReference})`,
    body: `"${truncate(f.measure, 120)}" was checked and a problem was found${f.note.trim() ? `: ${truncate(f.note.trim(), 400)}` : '.'}`,
  };
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
