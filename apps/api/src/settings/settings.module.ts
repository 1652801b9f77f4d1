import { Module } from '@nestjs/common';
import { BrandingController } from './branding.controller';
import { BrandingRepository } from './branding.repository';
import { BrandingService } from './branding.service';
import { CheckerSettingsController } from './checker-settings.controller';
import { CheckerSettingsRepository } from './checker-settings.repository';
import { CheckerSettingsService } from './checker-settings.service';
import { SubmissionSettingsController } from './submission-settings.controller';
import { SubmissionSettingsRepository } from './submission-settings.repository';
import { SubmissionSettingsService } from './submission-settings.service';

@Module({
  controllers: [BrandingController, SubmissionSettingsController, CheckerSettingsController],
  providers: [
    BrandingService,
    BrandingRepository,
    SubmissionSettingsService,
    SubmissionSettingsRepository,
    CheckerSettingsService,
    CheckerSettingsRepository,
  ],
  exports: [SubmissionSettingsService, CheckerSettingsService],
})
export class SettingsModule {}
