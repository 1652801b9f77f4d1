import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { isCaseStatus, planCaseReminders, reminderMessage, type ReminderKind } from '@poa/domain';
import { enqueue, QUEUES } from '@poa/jobs';
import { DUE_BATCH, DueBatchPoller } from '../outbox/due-batch-poller';
import { WORKER_CONFIG } from '../tokens';
import { RemindersRepository, type DueReminderRow, type ReminderCaseRow } from './reminders.repository';

/**
 * Sends the reminders that fell due: for each, in ONE transaction, the assignee's notification, the e-mail job in the
 * outbox (when the assignee wants that kind by e-mail) and `sent_at`. The job then travels like any other (relay,
 * sweep, the email processor's done mark), so a reminder is sent once even if the worker or Redis restarts.
 * A reminder whose case has moved on (submitted, decided, due time changed) or has no active assignee is skipped.
 */
@Injectable()
export class ReminderScheduler extends DueBatchPoller {
  constructor(
    private readonly reminders: RemindersRepository,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {
    super('Reminder scheduler', config.REMINDER_POLL_MS);
  }

  /** One batch of reminders due at `now`; returns how many rows were settled (sent or skipped). */
  async dispatchDue(now: Date, batch = DUE_BATCH): Promise<number> {
    return this.reminders.transaction(async (tx) => {
      const due = await this.reminders.due(tx, now, batch);
      for (const reminder of due) {
        const scoped = await this.reminders.useTenant(tx, reminder.tenant_id);
        const found = await this.reminders.caseOf(scoped, reminder.case_id);
        const outcome = found && stillCalledFor(reminder, found) && found.user_id ? await this.send(scoped, reminder, found) : 'skipped';
        await this.reminders.markSent(scoped, reminder.id, outcome, now);
      }
      return due.length;
    });
  }

  private async send(tx: Parameters<RemindersRepository['markSent']>[0], reminder: DueReminderRow, c: ReminderCaseRow): Promise<'sent'> {
    const kind = reminder.kind as ReminderKind;
    const message = reminderMessage(kind, {
      reference: c.reference,
      title: c.title,
      dueAt: new Date(c.due_at),
      waitingOnAmazonDays: c.waiting_on_amazon_days,
    });
    await this.reminders.insertNotification(tx, {
      userId: c.user_id!,
      kind,
      caseId: reminder.case_id,
      reminderId: reminder.id,
      ...message,
    });
    if (c.email_preferences?.[kind] !== false && c.user_email) {
      const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/cases/${reminder.case_id}`;
      await enqueue(tx, {
        queue: QUEUES.email,
        payload: { tenantId: reminder.tenant_id, to: c.user_email, subject: message.title, text: `${message.body}\n\n${url}` },
        occasion: { kind: 'case-reminder', reminderId: reminder.id },
      });
    }
    return 'sent';
  }
}

/** Whether the case, as it is now, still calls for this reminder (same kind and occasion). */
function stillCalledFor(reminder: DueReminderRow, c: ReminderCaseRow): boolean {
  if (!isCaseStatus(c.status)) return false;
  const planned = planCaseReminders(
    { status: c.status, dueAt: new Date(c.due_at), round: c.round },
    { submittedAt: new Date(reminder.fire_at), waitingOnAmazonDays: c.waiting_on_amazon_days },
  );
  return planned.some((p) => p.kind === reminder.kind && p.occasion === reminder.occasion);
}
