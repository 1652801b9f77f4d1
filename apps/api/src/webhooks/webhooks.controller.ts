import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { idParamsSchema } from '../common/schemas';
import { SecretInAnswer } from '../idempotency/idempotency.interceptor';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryDto,
  DeliveryListQueryDto,
  DeliveryPageDto,
  DeliveryParams,
  RedeliveryDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListDto,
} from './webhooks.schemas';
import { WebhooksService } from './webhooks.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Can('webhooks:manage')
  @SecretInAnswer('secret')
  @ApiOperation({
    summary: 'Register an endpoint; the signing secret is in this answer only',
    description:
      'Each event is POSTed as JSON `{id, type, createdAt, tenantId, data}` with `X-PoaDesk-Event`, `X-PoaDesk-Delivery` and ' +
      '`X-PoaDesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. A 2xx answer within 10 s is a success; ' +
      'anything else is retried with exponential backoff for about a day. Events of an endpoint arrive one at a time, in the order they happened. ' +
      'An endpoint failing for 24 h is disabled and the agency admins are emailed.',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 201, type: CreatedWebhookDto })
  create(@Body() body: CreateWebhookDto) {
    return this.webhooks.create(body);
  }

  @Get()
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'Endpoints of this agency (without secrets)' })
  @ZodResponse({ status: 200, type: WebhookListDto })
  list() {
    return this.webhooks.list();
  }

  @Get(':id')
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'One endpoint' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: WebhookDto })
  get(@Param() params: IdParams) {
    return this.webhooks.get(params.id);
  }

  @Patch(':id')
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'Change the URL, the events or enabled; enabling again resumes waiting deliveries in order' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: WebhookDto })
  update(@Param() params: IdParams, @Body() body: UpdateWebhookDto) {
    return this.webhooks.update(params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async remove(@Param() params: IdParams): Promise<void> {
    await this.webhooks.remove(params.id);
  }

  @Get(':id/deliveries')
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'Deliveries of an endpoint, newest first, each with its attempts (status code, latency, error)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DeliveryPageDto })
  deliveries(@Param() params: IdParams, @Query() query: DeliveryListQueryDto) {
    return this.webhooks.deliveries(params.id, query);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Can('webhooks:manage')
  @ApiOperation({
    summary: 'Queue a signed `webhook.test` event to this endpoint (whatever its events); it is delivered and logged like any other',
    description:
      'The answer is the queued delivery; its attempts appear in `GET /api/v1/webhooks/{id}/deliveries`. ' +
      'The event is `{id, type: "webhook.test", createdAt, tenantId, data: {webhook: {id, url}, message}}`. A disabled endpoint answers 409.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 202, type: DeliveryDto })
  sendTest(@Param() params: IdParams) {
    return this.webhooks.sendTest(params.id);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Can('webhooks:manage')
  @ApiOperation({ summary: 'Send a delivery again now (one attempt, logged with the others)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 202, type: RedeliveryDto })
  redeliver(@Param() params: DeliveryParams) {
    return this.webhooks.redeliver(params.id, params.deliveryId);
  }
}
