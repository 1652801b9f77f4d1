import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb } from '@poa/db';
import { QUEUES, type EmailJob } from '@poa/jobs';
import { DelayedError, Job } from 'bullmq';
import { OutboxRepository } from '../outbox/outbox.repository';
import { QueueProcessor } from '../queue-processor';
import { WORKER_CONFIG } from '../tokens';
import { deliverEmailJob, type DeliveryResult } from './deliver-email-job';
import { createMailSender, type MailSender } from './mail-sender';

/**
 * Sends the email queue (retries with backoff: see JOB_OPTIONS). A job with `notBefore` in the future (the 48-hour
 * review reminder) is moved to BullMQ's delayed set until then; a reminder whose case moved on is skipped.
 */
@Injectable()
export class EmailProcessor extends QueueProcessor<typeof QUEUES.email> {
  readonly sender: MailSender;
  private readonly outbox: OutboxRepository;

  constructor(
    private readonly db: TenantDb,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.email, config, { concurrency: 4 });
    this.sender = createMailSender(config);
    this.outbox = new OutboxRepository(db);
  }

  protected override async starting(): Promise<void> {
    this.logger.log(
      this.sender.kind === 'smtp' ? 'Emails go out by SMTP' : 'No SMTP_URL: emails are written as .eml files to DATA_DIR/mail',
    );
  }

  protected override async stopped(): Promise<void> {
    this.sender.close();
  }

  protected async process(job: Job<EmailJob>, token?: string): Promise<DeliveryResult> {
    const notBefore = job.data.notBefore ? Date.parse(job.data.notBefore) : NaN;
    if (Number.isFinite(notBefore) && notBefore > Date.now()) {
      await job.moveToDelayed(notBefore, token);
      throw new DelayedError();
    }
    const jobId = String(job.id);
    // An email has no natural idempotency: if Redis lost its completed job and the outbox sweep queued it again,
    // the outbox row (marked done right after sending) says it already went out.
    if (await this.outbox.isJobDone(QUEUES.email, jobId)) {
      this.logger.log(`Email ${jobId} skipped: already sent`);
      return { sent: false, reason: 'already sent' };
    }
    const result = await deliverEmailJob(this.db, this.sender, this.config, job.data, jobId);
    if (!result.sent) this.logger.log(`Email ${jobId} skipped: ${result.reason}`);
    await this.outbox.markJobDone(QUEUES.email, jobId);
    return result;
  }
}
