import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema } from '../common/schemas';
import { ApiErrors } from '../core/api-errors';
import { CaseEventsService } from './case-events.service';
import {
  CaseDto,
  CaseEventPageDto,
  CaseExternalIdParams,
  CaseListQueryDto,
  CasePageDto,
  CreateCaseDto,
  EventListQueryDto,
  TransitionDto,
  UpdateCaseDto,
  UpsertCaseDto,
} from './cases.schemas';
import { CasesService } from './cases.service';
import { WorkflowService } from './workflow.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: WorkflowService,
    private readonly events: CaseEventsService,
  ) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({
    summary: 'Cases: filters, search q (reference, title, client name, seller id, ASINs), sort=updatedAt|dueAt, cursor pagination',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: CasePageDto })
  list(@Query() query: CaseListQueryDto) {
    return this.cases.list(query);
  }

  @Post()
  @Can('cases:write')
  @ApiOperation({
    summary: 'Open a case for an Amazon notice; the reference (POA-2026-0042) is allocated here, dueAt defaults from the violation type',
  })
  @ApiErrors('VALIDATION_FAILED', 'CONFLICT')
  @ZodResponse({ status: 201, type: CaseDto })
  create(@Body() body: CreateCaseDto) {
    return this.cases.create(body);
  }

  @Put('by-external-id/:externalId')
  @Can('cases:write')
  @ApiOperation({
    summary: 'CRM upsert by your ticket id: 201 opens the case; afterwards 200 answers it, updating only the notice fields',
    description:
      'Safe to repeat from any API key or user of the agency (a nightly sync). The first call creates the case as POST /cases does ' +
      '(externalId = the path); later calls update the title, violation type, marketplace and notice receipt time, and the ASINs, ' +
      'notice text and due date when given, and never the status, drafts, rounds or assignee. A different clientId answers 409.',
  })
  @ApiCreatedResponse({ type: CaseDto, description: 'Created' })
  @ApiErrors('VALIDATION_FAILED', 'CONFLICT')
  @ZodResponse({ status: 200, type: CaseDto, description: 'The existing case (its notice fields updated)' })
  async upsert(@Param() params: CaseExternalIdParams, @Body() body: UpsertCaseDto, @Res({ passthrough: true }) res: Response) {
    const { created, case: kase } = await this.cases.upsertByExternalId(params.externalId, body);
    if (created) res.status(201);
    return kase;
  }

  @Get(':id')
  @Can('cases:read')
  @ApiOperation({ summary: 'One case: client, available actions, rounds, approval proof and final PDF status' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: CaseDto })
  get(@Param() params: IdParams) {
    return this.cases.get(params.id);
  }

  @Patch(':id')
  @Can('cases:write')
  @ApiOperation({ summary: 'Change case details (the status changes only through transitions)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 200, type: CaseDto })
  update(@Param() params: IdParams, @Body() body: UpdateCaseDto) {
    return this.cases.update(params.id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Can('cases:write')
  @ApiOperation({
    summary: 'Move the case through the workflow; answers the updated case',
    description:
      'record_outcome takes outcome (reinstated | denied | more_info_requested), amazonResponse and amazonRequest; ' +
      'client_approve by staff records a contact’s approval on their behalf: contactId, fullName, note.',
  })
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CHECK_FAILED')
  @ZodResponse({ status: 200, type: CaseDto })
  transition(@Param() params: IdParams, @Body() body: TransitionDto) {
    return this.workflow.transition(params.id, body);
  }

  @Get(':id/events')
  @Can('cases:read')
  @ApiOperation({ summary: 'The timeline, oldest first: created, versions, transitions, comments, approvals, with actor and time' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: CaseEventPageDto })
  async timeline(@Param() params: IdParams, @Query() query: EventListQueryDto) {
    await this.cases.assertExists(params.id);
    return this.events.list(params.id, query.limit, query.cursor);
  }
}
