import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClientsController } from './clients.controller';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

/** The agency's clients (Amazon sellers) and their portal contacts. */
@Module({
  imports: [CasesModule],
  controllers: [ClientsController, ContactsController],
  providers: [ClientsService, ContactsService, ClientsRepository, ContactsRepository],
  exports: [ClientsService, ContactsService],
})
export class ClientsModule {}
