import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

/** A case's evidence checklist, on the staff side (the portal asks the client for its items). */
@Module({
  imports: [CasesModule],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceRepository],
  exports: [EvidenceService],
})
export class EvidenceModule {}
