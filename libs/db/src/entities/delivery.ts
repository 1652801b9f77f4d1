import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from './common';

export type PdfRenderStatus = 'queued' | 'rendering' | 'ready' | 'failed';

@Entity('pdf_renders')
@Index(['draftVersionId', 'kind', 'variant'], { unique: true })
export class PdfRender extends TenantOwned {
  @Index()
  @Column('uuid')
  caseId: string;

  @Column('uuid')
  draftVersionId: string;

  @Column('int')
  version: number;

  @Column('text')
  kind: 'final' | 'preview';

  /** standard: the agency's document with the approval proof; amazon: the seller's plan alone; certificate: the proof alone. */
  @Column('text', { default: 'standard' })
  variant: 'standard' | 'amazon' | 'certificate';

  @Column('text', { default: 'queued' })
  status: PdfRenderStatus;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  storageKey: string | null;

  @Column('text', { nullable: true })
  sha256: string | null;

  @Column('int', { nullable: true })
  size: number | null;

  @Column('int', { nullable: true })
  pageCount: number | null;

  @Column('int', { nullable: true })
  renderMs: number | null;

  @Column('timestamptz', { nullable: true })
  readyAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * Transactional outbox: written in the same transaction as the change that causes it,
 * moved to BullMQ by the worker's relay (FOR UPDATE SKIP LOCKED), so nothing is lost while Redis is down.
 * The worker's sweep checks dispatched rows against Redis: finished jobs get `doneAt`, lost ones are relayed again.
 */
@Entity('outbox')
@Index(['dispatchedAt', 'id'])
// The sweep's rows: dispatched, not yet seen finished (few at any time, walked in id order).
@Index(['id'], { where: 'dispatched_at IS NOT NULL AND done_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Index()
  @Column('uuid')
  tenantId: string;

  @Column('text')
  topic: string;

  /** Deterministic BullMQ job id: enqueuing the same message twice runs it once. */
  @Column('text')
  jobId: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** W3C traceparent of the change that wrote the row (NULL when not tracing): the job's spans continue that trace. */
  @Column('text', { nullable: true })
  traceparent: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt: Date | null;

  /** When the sweep saw the job completed or failed in BullMQ (or gave up on it); NULL while it may still run. */
  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;
}

@Entity('portal_login_tokens')
export class PortalLoginToken extends TenantOwned {
  @Index()
  @Column('uuid')
  contactId: string;

  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}

@Entity('webhooks')
export class Webhook extends TenantOwned {
  @Column('text')
  url: string;

  @Column('text', { array: true })
  events: string[];

  @Column('text')
  secret: string;

  @Column('boolean', { default: true })
  enabled: boolean;

  @Column('timestamptz', { nullable: true })
  failingSince: Date | null;

  @Column('text', { nullable: true })
  disabledReason: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('webhook_deliveries')
@Index(['webhookId', 'createdAt'])
@Index(['webhookId', 'seq'])
export class WebhookDelivery extends TenantOwned {
  @Column('uuid')
  webhookId: string;

  /** Insertion order: an endpoint gets its deliveries one at a time in this order (see apps/worker/src/webhooks). */
  @Generated('increment')
  @Column('bigint')
  seq: string;

  /** Scheduled attempts made so far; a retry job carries the number it expects, so a stale or duplicate job does nothing. */
  @Column('int', { default: 0 })
  retryCount: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt: Date | null;

  /** While set in the future one worker is sending this delivery; expires by itself if that worker dies. */
  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;

  @Column('uuid')
  eventId: string;

  @Column('text')
  eventType: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('text', { default: 'pending' })
  status: 'pending' | 'succeeded' | 'failed';

  @Column('jsonb', { default: () => `'[]'` })
  attempts: { at: string; statusCode: number | null; latencyMs: number; error: string | null }[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
