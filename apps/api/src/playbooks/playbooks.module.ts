import { Module } from '@nestjs/common';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksRepository } from './playbooks.repository';
import { PlaybooksService } from './playbooks.service';

/** Playbooks per violation type: a new case's starter draft, evidence checklist and deadline. */
@Module({
  controllers: [PlaybooksController],
  providers: [PlaybooksService, PlaybooksRepository],
  exports: [PlaybooksService],
})
export class PlaybooksModule {}
