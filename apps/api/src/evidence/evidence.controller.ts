import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { EvidenceDetailsDto, EvidenceItemDto, EvidenceListDto, EvidenceParams, WaiveDto } from './evidence.schemas';
import { EvidenceService } from './evidence.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('evidence')
@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'The evidence checklist: each item, what it proves, its status (missing, provided, waived) and files' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: EvidenceListDto })
  list(@Param() params: IdParams) {
    return this.evidence.list(params.id);
  }

  @Post(':key/waive')
  @HttpCode(200)
  @Can('cases:write')
  @ApiOperation({ summary: 'Go without an item, saying why (a file uploaded later still provides it)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: EvidenceItemDto })
  waive(@Param() params: EvidenceParams, @Body() body: WaiveDto) {
    return this.evidence.waive(params.id, params.key, body.reason);
  }

  @Delete(':key/waive')
  @Can('cases:write')
  @ApiOperation({ summary: 'Ask for an item again after waiving it' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: EvidenceItemDto })
  unwaive(@Param() params: EvidenceParams) {
    return this.evidence.waive(params.id, params.key, null);
  }

  @Put(':key/details')
  @Can('cases:write')
  @ApiOperation({
    summary:
      'What the document says, typed beside it: supplier name, address, contact, invoice date, quantity and units sold for an ' +
      'invoice; rights owner, seller name and explicit authorisation for a letter of authorisation',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: EvidenceItemDto })
  details(@Param() params: EvidenceParams, @Body() body: EvidenceDetailsDto) {
    return this.evidence.updateDetails(params.id, params.key, body);
  }
}
