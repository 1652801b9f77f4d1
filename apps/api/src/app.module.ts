import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@poa/config';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AttachmentsModule } from './attachments/attachments.module';
import { AccessGuard } from './identity/auth/access.guard';
import { CasesModule } from './cases/cases.module';
import { ClientsModule } from './clients/clients.module';
import { IdentityModule } from './identity/identity.module';
import { CoreModule } from './core/core.module';
import { ErrorFilter } from './core/error.filter';
import { EmailModule } from './email/email.module';
import { FastReadsModule } from './fast-reads/fast-reads.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { UploadInterceptor } from './idempotency/upload';
import { NoticesModule } from './notices/notices.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { OutboxModule } from './outbox/outbox.module';
import { PdfsModule } from './pdfs/pdfs.module';
import { PlaybooksModule } from './playbooks/playbooks.module';
import { EvidenceModule } from './evidence/evidence.module';
import { SettingsModule } from './settings/settings.module';
import { TenantModule } from './tenant/tenant.module';
import { ReportsModule } from './reports/reports.module';
import { LibraryModule } from './library/library.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { PortalModule } from './portal/portal.module';
import { PortalLinksModule } from './portal-links/portal-links.module';
import { StorageModule } from './storage/storage.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        ObservabilityModule,
        HealthModule,
        IdentityModule,
        OutboxModule,
        StorageModule,
        PdfsModule,
        SettingsModule,
        TenantModule,
        ClientsModule,
        CasesModule,
        ReportsModule,
        LibraryModule,
        NoticesModule,
        AttachmentsModule,
        PlaybooksModule,
        EvidenceModule,
        PortalLinksModule,
        EmailModule.forRoot(config),
        PortalModule,
        RateLimitModule,
        WebhooksModule,
        NotificationsModule,
        FastReadsModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        // Uploads are read first so the idempotency fingerprint covers them.
        { provide: APP_INTERCEPTOR, useClass: UploadInterceptor },
        // Before the serializer: an idempotent replay is sent exactly as first answered.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
