import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { submissionPlainText } from '@poa/domain';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema } from '../common/schemas';
import { ApiErrors } from '../core/api-errors';
import {
  CreateDraftDto,
  DiffQueryDto,
  DraftDiffDto,
  DraftDto,
  DraftListDto,
  DraftParams,
  FindingListDto,
  RestoreDraftDto,
  SubmissionPackDto,
  submissionPackSchema,
  SubmissionQueryDto,
} from './drafts.schemas';
import { DraftsService } from './drafts.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('drafts')
@Controller('cases/:id/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Post()
  @Can('cases:write')
  @ApiOperation({
    summary: 'Save the draft (baseVersion: the version you edited, 0 for the first)',
    description:
      'Adds the next version, or, within one editing session (sessionId), replaces the latest version saved by that session. ' +
      'A version that went through a workflow move or was approved is never replaced. endSession (with an optional name) ' +
      'closes the session: "Save version".',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'VERSION_CONFLICT', 'CONFLICT')
  @ZodResponse({ status: 201, type: DraftDto })
  create(@Param() params: IdParams, @Body() body: CreateDraftDto) {
    return this.drafts.create(params.id, body);
  }

  @Post(':version/restore')
  @HttpCode(201)
  @Can('cases:write')
  @ApiOperation({ summary: 'Save an earlier version as the next version (baseVersion: the latest version you know)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'VERSION_CONFLICT', 'CONFLICT')
  @ZodResponse({ status: 201, type: DraftDto })
  restore(@Param() params: DraftParams, @Body() body: RestoreDraftDto) {
    return this.drafts.restore(params.id, params.version, body);
  }

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'Versions of the draft: number, round, author, time' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DraftListDto })
  list(@Param() params: IdParams) {
    return this.drafts.list(params.id);
  }

  @Get(':version')
  @Can('cases:read')
  @ApiOperation({ summary: 'One version with its sections and the POA checker findings' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DraftDto })
  get(@Param() params: DraftParams) {
    return this.drafts.get(params.id, params.version);
  }

  @Get(':version/findings')
  @Can('cases:read')
  @ApiOperation({
    summary: "The POA checker's findings on a version",
    description:
      "Computed with the case's facts (notice issues, ASINs and order IDs, client, notice date, evidence, other clients' approved plans) " +
      "and the agency's severity per rule. Any error blocks sending the plan to the client and marking it submitted.",
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: FindingListDto })
  findings(@Param() params: DraftParams) {
    return this.drafts.findings(params.id, params.version);
  }

  @Get(':version/diff')
  @Can('cases:read')
  @ApiOperation({ summary: 'Section-by-section diff from version `against` to this version' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DraftDiffDto })
  diff(@Param() params: DraftParams, @Query() query: DiffQueryDto) {
    return this.drafts.diff(params.id, params.version, query.against);
  }

  @Get(':version/submission')
  @Can('cases:read')
  @ApiOperation({
    summary:
      'The version as Seller Central fields (root cause, corrective actions, preventive measures, additional information) with counts and limits; Accept: text/plain or format=text for one plain-text document',
  })
  @ApiProduces('application/json', 'text/plain')
  @ApiOkResponse({ type: SubmissionPackDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async submission(@Param() params: DraftParams, @Query() query: SubmissionQueryDto, @Req() req: Request, @Res() res: Response) {
    const pack = submissionPackSchema.parse(await this.drafts.submission(params.id, params.version));
    const asText = query.format ? query.format === 'text' : req.accepts(['application/json', 'text/plain']) === 'text/plain';
    res.vary('Accept');
    if (asText) res.type('text/plain; charset=utf-8').send(submissionPlainText(pack));
    else res.json(pack);
  }
}
