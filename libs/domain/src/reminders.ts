import type { CaseStatus } from './workflow';

/** What a staff reminder is about; each kind can be e-mailed or not per user (`PUT /me/preferences`). */
export const REMINDER_KINDS = ['due_soon', 'overdue', 'escalate'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Every kind of in-app notification (each can be e-mailed or not per user): the reminders, evidence the client sent,
 * and a client's problem report on a safety check.
 */
export const NOTIFICATION_KINDS = [...REMINDER_KINDS, 'evidence_received', 'follow_up_problem'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How long before the due time the assignee hears that it is close. */
export const DUE_SOON_LEAD_MS = 24 * 3600_000;
export const DEFAULT_WAITING_ON_AMAZON_DAYS = 5;

/** Statuses in which the agency still owes Amazon an appeal: the due time counts. */
const BEFORE_SUBMISSION: readonly CaseStatus[] = [
  'intake',
  'drafting',
  'internal_review',
  'client_review',
  'approved',
  'more_info_requested',
];

export interface ReminderCaseState {
  status: CaseStatus;
  dueAt: Date;
  round: number;
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** Unique per case and kind: the same occasion is never reminded twice. */
  occasion: string;
  fireAt: Date;
}

/** `date` plus `days` business days (Monday to Friday, UTC); a weekend start counts from the next Monday. */
export function addBusinessDays(date: Date, days: number): Date {
  const result = new Date(date.getTime());
  let left = days;
  while (left > 0 || isWeekend(result)) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (!isWeekend(result)) left -= 1;
  }
  return result;
}

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/**
 * The reminders a case calls for in its present state: before submission, one a day before the due time and one at
 * it (both keyed by that due time, so a moved due time gets new ones); once submitted, an escalation after
 * `waitingOnAmazonDays` business days without an outcome, keyed by the round (`submittedAt` is when it was submitted).
 */
export function planCaseReminders(state: ReminderCaseState, opts: { submittedAt: Date; waitingOnAmazonDays: number }): PlannedReminder[] {
  if (BEFORE_SUBMISSION.includes(state.status)) {
    const occasion = `due-${state.dueAt.toISOString()}`;
    return [
      { kind: 'due_soon', occasion, fireAt: new Date(state.dueAt.getTime() - DUE_SOON_LEAD_MS) },
      { kind: 'overdue', occasion, fireAt: state.dueAt },
    ];
  }
  if (state.status === 'submitted') {
    return [{ kind: 'escalate', occasion: `round-${state.round}`, fireAt: addBusinessDays(opts.submittedAt, opts.waitingOnAmazonDays) }];
  }
  return [];
}

/** The notification (and e-mail) text of a reminder. */
export function reminderMessage(kind: ReminderKind, c: { reference: string; title: string; dueAt: Date; waitingOnAmazonDays: number }) {
  switch (kind) {
    case 'due_soon':
      return {
        title: `${c.reference} is due within 24 hours`,
        body: `"${c.title}" is due ${c.dueAt.toISOString()}. Finish the plan and get it approved and submitted in time.`,
      };
    case 'overdue':
      return {
        title: `${c.reference} is overdue`,
        body: `"${c.title}" was due ${c.dueAt.toISOString()}. Submit it now, or record a new due time with the reason.`,
      };
    case 'escalate':
      return {
        title: `${c.reference}: no answer from Amazon after ${c.waitingOnAmazonDays} business days`,
        body:
          `"${c.title}" has waited on Amazon ${c.waitingOnAmazonDays} business days. Next step: escalate in Seller Central ` +
          '(reply to the case with the appeal reference and ask for a status), then record the outcome when it comes.',
      };
  }
}
