import { Column, Entity, Index } from 'typeorm';
import { TenantOwned } from './common';

/**
 * A preventive measure of an approved plan, checked on its cadence (`{every, unit}` or `"event"`). One row per case
 * and measure text: approving again keeps the row and its check-ins; a measure the newly approved version drops ends.
 * `remindedDueAt` is the due time the client's contact was last reminded of, so each due time is reminded once.
 */
@Entity('follow_ups')
@Index(['caseId', 'measure'], { unique: true })
@Index(['tenantId', 'clientId', 'nextDueAt'])
// The worker's due reminders: active follow-ups with a next check.
@Index(['nextDueAt'], { where: 'ended_at IS NULL AND next_due_at IS NOT NULL' })
export class FollowUp extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('uuid')
  clientId: string;

  /** The approved draft version the measure was last taken from. */
  @Column('uuid')
  draftVersionId: string;

  @Column('text')
  measure: string;

  /** The measure's frequency as the plan words it. */
  @Column('text')
  frequency: string;

  @Column('text')
  owner: string;

  @Column('jsonb')
  cadence: unknown;

  /** `parsed` (from the frequency text), `default` (the text named no period: monthly until someone sets it), `edited`. */
  @Column('text')
  cadenceSource: string;

  @Column('timestamptz', { nullable: true })
  nextDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  remindedDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

/** One check of a follow-up, by staff or the client's contact. */
@Entity('follow_up_check_ins')
@Index(['followUpId', 'checkedAt'])
export class FollowUpCheckIn extends TenantOwned {
  @Column('uuid')
  followUpId: string;

  @Column('uuid')
  caseId: string;

  /** `done` or `problem`. */
  @Column('text')
  result: string;

  @Column('text')
  note: string;

  @Column('uuid', { nullable: true })
  attachmentId: string | null;

  @Column('timestamptz')
  checkedAt: Date;

  /** `user`, `api_key` or `contact`, and who. */
  @Column('text')
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  actorName: string;
}

/**
 * A rendered safety-net log of a client for a date range. The API writes the printable HTML and its hash (so new
 * check-ins make a new report and an unchanged one is rendered once); the worker's PDF renderer fills in the file.
 */
@Entity('safety_net_reports')
@Index(['clientId', 'contentSha256'], { unique: true })
export class SafetyNetReport extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column('text')
  contentSha256: string;

  @Column('text')
  html: string;

  /** `queued`, `ready` or `failed`. */
  @Column('text', { default: 'queued' })
  status: string;

  @Column('text', { nullable: true })
  storageKey: string | null;

  @Column('integer', { nullable: true })
  sizeBytes: number | null;

  @Column('text', { nullable: true })
  error: string | null;
}
