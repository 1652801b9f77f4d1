import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { SubmissionSettingsDto, UpdateSubmissionSettingsDto } from './submission-settings.schemas';
import { SubmissionSettingsService } from './submission-settings.service';

/** Seller Central field limits: writers see them in the editor, admins set them. */
@ApiTags('settings')
@Controller('settings/submission')
export class SubmissionSettingsController {
  constructor(private readonly settings: SubmissionSettingsService) {}

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: "The agency's Seller Central character limit per field (null: none)" })
  @ZodResponse({ status: 200, type: SubmissionSettingsDto })
  get() {
    return this.settings.get();
  }

  @Put()
  @Can('settings:manage')
  @ApiOperation({ summary: 'Set the Seller Central character limit per field (admins); a field left out or null has none' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: SubmissionSettingsDto })
  update(@Body() body: UpdateSubmissionSettingsDto) {
    return this.settings.update(body);
  }
}
