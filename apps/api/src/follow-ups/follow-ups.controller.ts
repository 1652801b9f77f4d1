import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { sendPdf } from '../core/send-pdf';
import {
  CheckInListQueryDto,
  CheckInPageDto,
  CreateCheckInDto,
  FollowUpDto,
  FollowUpListQueryDto,
  FollowUpPageDto,
  PortalFollowUpListQueryDto,
  SafetyNetQueryDto,
  SafetyNetRenderDto,
  UpdateFollowUpDto,
} from './follow-ups.schemas';
import { FollowUpsService } from './follow-ups.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'Safety nets: the preventive measures of approved plans and when each is next checked, next due first' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: FollowUpPageDto })
  list(@Query() query: FollowUpListQueryDto) {
    return this.followUps.list({ clientId: query.clientId, status: query.status }, query.limit, query.cursor);
  }

  @Get(':id')
  @Can('cases:read')
  @ApiOperation({ summary: 'One follow-up' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: FollowUpDto })
  get(@Param() params: IdParams) {
    return this.followUps.get(params.id);
  }

  @Patch(':id')
  @Can('cases:write')
  @ApiOperation({ summary: 'Set the cadence (the next due time is counted again from the last check) or the owner' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 200, type: FollowUpDto })
  update(@Param() params: IdParams, @Body() body: UpdateFollowUpDto) {
    return this.followUps.update(params.id, body);
  }

  @Get(':id/check-ins')
  @Can('cases:read')
  @ApiOperation({ summary: 'The checks of a follow-up, newest first' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: CheckInPageDto })
  checkIns(@Param() params: IdParams, @Query() query: CheckInListQueryDto) {
    return this.followUps.checkIns(params.id, query.limit, query.cursor);
  }

  @Post(':id/check-ins')
  @Can('cases:write')
  @ApiOperation({ summary: 'Record a check (done, or a problem: the agency is told at once); the next due time moves on by the cadence' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 201, type: FollowUpDto })
  checkIn(@Param() params: IdParams, @Body() body: CreateCheckInDto) {
    return this.followUps.checkIn(params.id, body);
  }
}

@ApiTags('follow-ups')
@Controller('clients/:id')
export class SafetyNetController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get('safety-net.pdf')
  @Can('cases:read')
  @ApiOperation({
    summary:
      "The client's safety-net log for a date range as a PDF in the seller's voice (each measure and its checks), or 202 while it renders",
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Queued: ask again shortly', type: SafetyNetRenderDto })
  async pdf(@Param() params: IdParams, @Query() query: SafetyNetQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.followUps.pdf(params.id, query), req, res);
  }

  @Get('safety-net.csv')
  @Can('cases:read')
  @ApiOperation({ summary: "The client's safety-net log for a date range as CSV: one row per check" })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV' })
  async csv(@Param() params: IdParams, @Query() query: SafetyNetQueryDto, @Res() res: Response): Promise<void> {
    const { body, fileName } = await this.followUps.csv(params.id, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.status(200).end(body);
  }
}

@ApiTags('portal')
@Controller('portal/follow-ups')
export class PortalFollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Can('portal')
  @ApiOperation({ summary: 'Your safety checks: the preventive measures of your approved plans, next due first' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: FollowUpPageDto })
  list(@Query() query: PortalFollowUpListQueryDto) {
    return this.followUps.listForContact({ status: query.status }, query.limit, query.cursor);
  }

  @Post(':id/check-ins')
  @Can('portal')
  @ApiOperation({ summary: 'Record a safety check: done, or a problem you found (your agency is told at once)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 201, type: FollowUpDto })
  checkIn(@Param() params: IdParams, @Body() body: CreateCheckInDto) {
    return this.followUps.checkIn(params.id, body);
  }
}
