import { Module } from '@nestjs/common';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { CaseCheckerService } from './case-checker.service';
import { CaseEventsRepository } from './case-events.repository';
import { CaseEventsService } from './case-events.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';
import { ResolutionController } from './resolution.controller';
import { ResolutionRepository } from './resolution.repository';
import { ResolutionService } from './resolution.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { WorkflowService } from './workflow.service';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { SettingsModule } from '../settings/settings.module';
import { PlaybooksModule } from '../playbooks/playbooks.module';

/** Cases, their draft versions, the review workflow, approvals, comments and the timeline. */
@Module({
  imports: [SettingsModule, FollowUpsModule, PlaybooksModule],
  controllers: [CasesController, DraftsController, CommentsController, SubmissionsController, ResolutionController],
  providers: [
    CasesService,
    DraftsService,
    WorkflowService,
    ApprovalsService,
    CommentsService,
    CaseEventsService,
    CasesRepository,
    ApprovalsRepository,
    DraftsRepository,
    CommentsRepository,
    CaseEventsRepository,
    ResolutionService,
    ResolutionRepository,
    SubmissionsService,
    SubmissionsRepository,
    CaseCheckerService,
  ],
  exports: [CasesRepository, CasesService, DraftsService, WorkflowService, ApprovalsService, CommentsService, CaseEventsService],
})
export class CasesModule {}
