import { Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './common';

/**
 * A reminder due at `fireAt`, written in the transaction of the change that calls for it and sent by the worker's
 * scheduler (which reads every tenant's due rows under the narrow `app.reminder_scheduler` policy). The unique key
 * makes a reminder for one occasion (a due time, a submission round) exist once; `sentAt` is set in the transaction
 * that writes its notification and e-mail job, so it is sent once, whatever happens to the worker or Redis.
 */
@Entity('reminders')
@Index(['caseId', 'kind', 'occasion'], { unique: true })
// The scheduler's rows: not yet sent, oldest first.
@Index(['fireAt'], { where: 'sent_at IS NULL' })
export class Reminder extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('text')
  kind: string;

  /** What the reminder is about within its kind (the due time it counts down to, the round submitted). */
  @Column('text')
  occasion: string;

  @Column('timestamptz')
  fireAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** `sent`, or `skipped` (nobody to remind, or the case moved on before the reminder fell due). */
  @Column('text', { nullable: true })
  outcome: string | null;
}

/** An in-app notification of one staff user. */
@Entity('notifications')
@Index(['tenantId', 'userId', 'createdAt', 'id'])
@Index(['reminderId'], { unique: true, where: 'reminder_id IS NOT NULL' })
export class Notification extends TenantOwned {
  @Column('uuid')
  userId: string;

  @Column('text')
  kind: string;

  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column('uuid', { nullable: true })
  reminderId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
