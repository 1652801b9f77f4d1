import { Module } from '@nestjs/common';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

/** The agency's clients (Amazon sellers) and their portal contacts. */
@Module({
  controllers: [ClientsController, ContactsController],
  providers: [ClientsService, ContactsService],
  exports: [ClientsService, ContactsService],
})
export class ClientsModule {}
