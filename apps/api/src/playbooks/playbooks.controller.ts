import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { PlaybookDto, PlaybookInputDto, PlaybookListDto, PlaybookParams } from './playbooks.schemas';
import { PlaybooksService } from './playbooks.service';

/** How the agency works each violation type: staff read them, admins change them. */
@ApiTags('playbooks')
@Controller('playbooks')
export class PlaybooksController {
  constructor(private readonly playbooks: PlaybooksService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'The playbook of every violation type (the agency’s copy, or the built-in default)' })
  @ZodResponse({ status: 200, type: PlaybookListDto })
  list() {
    return this.playbooks.list();
  }

  @Get(':violationType')
  @Can('cases:read')
  @ApiOperation({ summary: 'One violation type’s playbook: starter draft, evidence checklist, deadline, guidance' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PlaybookDto })
  get(@Param() params: PlaybookParams) {
    return this.playbooks.get(params.violationType);
  }

  @Put(':violationType')
  @Can('settings:manage')
  @ApiOperation({ summary: 'Replace the agency’s playbook of a violation type (admins); cases opened later start from it' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PlaybookDto })
  update(@Param() params: PlaybookParams, @Body() body: PlaybookInputDto) {
    return this.playbooks.update(params.violationType, body);
  }

  @Delete(':violationType')
  @Can('settings:manage')
  @ApiOperation({ summary: 'Return a violation type to the built-in playbook (admins); answers the default' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PlaybookDto })
  reset(@Param() params: PlaybookParams) {
    return this.playbooks.reset(params.violationType);
  }
}
