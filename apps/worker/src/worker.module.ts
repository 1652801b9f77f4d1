import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { createDataSource, TenantDb } from '@poa/db';
import { PdfRenderer } from '@poa/pdf';
import { createFileStorage } from '@poa/storage';
import { DataSource } from 'typeorm';
import { EmailProcessor } from './email/email.processor';
import { FollowUpReminders } from './follow-ups/follow-up-reminders';
import { SafetyNetRenderProcessor } from './follow-ups/safety-net-render.processor';
import { HealthServer } from './health/health-server';
import { TracingShutdown } from './observability/tracing-shutdown';
import { WorkerMetrics } from './observability/worker-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxSweeper } from './outbox/outbox-sweeper';
import { OutboxRepository } from './outbox/outbox.repository';
import { PdfRenderProcessor } from './pdf/pdf-render.processor';
import { PdfRenderRepository } from './pdf/pdf-render.repository';
import { PoaDocumentLoader } from './pdf/poa-document.loader';
import { ReminderScheduler } from './reminders/reminder-scheduler';
import { RemindersRepository } from './reminders/reminders.repository';
import { FILE_STORAGE, WORKER_CONFIG } from './tokens';
import { TenantPurger } from './tenant-deletion/tenant-purger';
import { TenantExportProcessor } from './tenant-export/tenant-export.processor';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';

/** The background worker: the outbox relay and sweep, and the BullMQ processors. Connects as the app role, like the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, executablePath: string): DynamicModule {
    const pdfLogger = new Logger('PdfRenderer');
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            createDataSource({
              url: config.DATABASE_URL,
              poolSize: Math.max(4, config.WORKER_CONCURRENCY * 2),
              applicationName: 'poa-desk-worker',
            }).initialize(),
        },
        { provide: TenantDb, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDb(ds) },
        { provide: FILE_STORAGE, useFactory: () => createFileStorage(config) },
        {
          provide: PdfRenderer,
          useFactory: () =>
            new PdfRenderer({
              executablePath,
              recycleAfter: config.PDF_RECYCLE_AFTER,
              renderTimeoutMs: config.PDF_RENDER_TIMEOUT_MS,
              log: (level, message) =>
                level === 'error' ? pdfLogger.error(message) : level === 'warn' ? pdfLogger.warn(message) : pdfLogger.debug?.(message),
            }),
        },
        WorkerMetrics,
        OutboxRepository,
        OutboxRelay,
        OutboxSweeper,
        PdfRenderRepository,
        PoaDocumentLoader,
        PdfRenderProcessor,
        WebhookDeliveryProcessor,
        EmailProcessor,
        RemindersRepository,
        ReminderScheduler,
        TenantExportProcessor,
        FollowUpReminders,
        SafetyNetRenderProcessor,
        TenantPurger,
        HealthServer,
        TracingShutdown,
      ],
    };
  }
}
