import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Webhook endpoints and their delivery log; events are fanned out by emitWebhookEvent (@poa/jobs) in the services of the change. */
@Module({ controllers: [WebhooksController], providers: [WebhooksService, WebhooksRepository] })
export class WebhooksModule {}
