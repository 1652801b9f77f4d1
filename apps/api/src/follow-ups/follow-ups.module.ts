import { Module } from '@nestjs/common';
import { FollowUpsController, PortalFollowUpsController, SafetyNetController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

/** The safety-net tracker: follow-ups of approved preventive measures, their check-ins and the printable log. */
@Module({
  controllers: [FollowUpsController, SafetyNetController, PortalFollowUpsController],
  providers: [FollowUpsService, FollowUpsRepository],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
