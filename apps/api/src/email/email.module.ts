import { Global, Module } from '@nestjs/common';
import { CaseNotificationsService } from './case-notifications.service';
import { DevMailController } from './dev-mail.controller';

/** The emails the API causes (written to the outbox; the worker sends them) and the development mailbox. */
@Global()
@Module({ controllers: [DevMailController], providers: [CaseNotificationsService], exports: [CaseNotificationsService] })
export class EmailModule {}
