import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { CheckerSettingsDto, UpdateCheckerSettingsDto } from './checker-settings.schemas';
import { CheckerSettingsService } from './checker-settings.service';

/** The POA checker's severity per rule: writers see it in the editor, admins set it. */
@ApiTags('settings')
@Controller('settings/checker')
export class CheckerSettingsController {
  constructor(private readonly settings: CheckerSettingsService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: "The agency's severity per checker rule (error, warning, tip or off) and the plan length" })
  @ZodResponse({ status: 200, type: CheckerSettingsDto })
  get() {
    return this.settings.get();
  }

  @Put()
  @Can('settings:manage')
  @ApiOperation({ summary: 'Set the severity per checker rule (admins); a rule left out keeps its default. Errors block sending a plan.' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: CheckerSettingsDto })
  update(@Body() body: UpdateCheckerSettingsDto) {
    return this.settings.update(body);
  }
}
