import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { DraftDto } from '../cases/drafts.schemas';
import { FromExampleDto, LibraryDto, LibraryQueryDto } from './library.schemas';
import { LibraryService } from './library.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('library')
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get('library')
  @Can('cases:read')
  @ApiOperation({
    summary: "The agency's plans that won: the version each reinstated case submitted, anonymised, newest first (50 at most)",
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: LibraryDto })
  list(@Query() query: LibraryQueryDto) {
    return this.library.list(query.violationType);
  }

  @Post('cases/:id/drafts/from-example')
  @Can('cases:write')
  @ApiOperation({
    summary:
      'Start the draft from an example of the library: saved as the next version, its sentences flagged as template text until edited',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'VERSION_CONFLICT', 'CONFLICT')
  @ZodResponse({ status: 201, type: DraftDto })
  fromExample(@Param() params: IdParams, @Body() body: FromExampleDto) {
    return this.library.startDraft(params.id, body);
  }
}
