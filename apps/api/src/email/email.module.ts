import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { CaseNotificationsRepository } from './case-notifications.repository';
import { CaseNotificationsService } from './case-notifications.service';
import { DevMailController } from './dev-mail.controller';

/** The emails the API causes (written to the outbox; the worker sends them) and, with DEV_MAILBOX=true, the development mailbox. */
@Module({})
export class EmailModule {
  static forRoot(config: Pick<AppConfig, 'DEV_MAILBOX'>): DynamicModule {
    return {
      module: EmailModule,
      global: true,
      controllers: config.DEV_MAILBOX ? [DevMailController] : [],
      providers: [CaseNotificationsService, CaseNotificationsRepository],
      exports: [CaseNotificationsService],
    };
  }
}
