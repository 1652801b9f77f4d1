import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { SubmissionListDto } from './submissions.schemas';
import { SubmissionsService } from './submissions.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('cases')
@Controller('cases/:id/submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'What was sent to Amazon in each round (recorded by mark_submitted), newest first' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: SubmissionListDto })
  list(@Param() params: IdParams) {
    return this.submissions.list(params.id);
  }
}
