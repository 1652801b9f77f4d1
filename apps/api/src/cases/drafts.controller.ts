import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema } from '../common/schemas';
import { ApiErrors } from '../core/api-errors';
import { CreateDraftDto, DiffQueryDto, DraftDiffDto, DraftDto, DraftListDto, DraftParams, RestoreDraftDto } from './drafts.schemas';
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

  @Get(':version/diff')
  @Can('cases:read')
  @ApiOperation({ summary: 'Section-by-section diff from version `against` to this version' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DraftDiffDto })
  diff(@Param() params: DraftParams, @Query() query: DiffQueryDto) {
    return this.drafts.diff(params.id, params.version, query.against);
  }
}
