import { Module } from '@nestjs/common';
import { BrandingController } from './branding.controller';
import { BrandingRepository } from './branding.repository';
import { BrandingService } from './branding.service';
import { SubmissionSettingsController } from './submission-settings.controller';
import { SubmissionSettingsRepository } from './submission-settings.repository';
import { SubmissionSettingsService } from './submission-settings.service';

@Module({
  controllers: [BrandingController, SubmissionSettingsController],
  providers: [BrandingService, BrandingRepository, SubmissionSettingsService, SubmissionSettingsRepository],
  exports: [SubmissionSettingsService],
})
export class SettingsModule {}
