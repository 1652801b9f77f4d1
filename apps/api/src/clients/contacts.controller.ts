import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { idParamsSchema } from '../common/schemas';
import { ContactDto, ContactListDto, ContactParams, CreateContactDto, UpdateContactDto } from './clients.schemas';
import { ContactsService } from './contacts.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('clients')
@Controller('clients/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Can('clients:read')
  @ApiOperation({ summary: "The client's contacts (the people who use the portal)" })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ContactListDto })
  list(@Param() params: IdParams) {
    return this.contacts.list(params.id);
  }

  @Post()
  @Can('clients:write')
  @ApiOperation({ summary: 'Add a contact; the email is unique per client' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 201, type: ContactDto })
  create(@Param() params: IdParams, @Body() body: CreateContactDto) {
    return this.contacts.create(params.id, body);
  }

  @Patch(':contactId')
  @Can('clients:write')
  @ApiOperation({ summary: 'Change a contact' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 200, type: ContactDto })
  update(@Param() params: ContactParams, @Body() body: UpdateContactDto) {
    return this.contacts.update(params.id, params.contactId, body);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @Can('clients:write')
  @ApiOperation({ summary: 'Remove a contact (approvals they gave keep their name and email)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async remove(@Param() params: ContactParams): Promise<void> {
    await this.contacts.remove(params.id, params.contactId);
  }
}
