import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LibraryController } from './library.controller';
import { LibraryRepository } from './library.repository';
import { LibraryService } from './library.service';

/** The agency's library of plans that won. */
@Module({
  imports: [CasesModule],
  controllers: [LibraryController],
  providers: [LibraryService, LibraryRepository],
})
export class LibraryModule {}
