import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { idParamsSchema } from '../common/schemas';
import {
  ClientDto,
  ClientListQueryDto,
  ClientPageDto,
  CreateClientDto,
  DeletedClientDto,
  ExternalIdParams,
  UpdateClientDto,
  UpsertClientDto,
} from './clients.schemas';
import { ClientsService } from './clients.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Can('clients:read')
  @ApiOperation({
    summary: 'Clients (sellers) by name; q searches name, seller id and external id; archived ones only with includeArchived=true',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: ClientPageDto })
  list(@Query() query: ClientListQueryDto) {
    return this.clients.list(query);
  }

  @Post()
  @Can('clients:write')
  @ApiOperation({ summary: 'Add a client' })
  @ApiErrors('VALIDATION_FAILED', 'CONFLICT')
  @ZodResponse({ status: 201, type: ClientDto })
  create(@Body() body: CreateClientDto) {
    return this.clients.create(body);
  }

  @Put('by-external-id/:externalId')
  @Can('clients:write')
  @ApiOperation({ summary: 'CRM upsert by your own id: 201 when created, 200 when updated (fields left out keep their value)' })
  @ApiCreatedResponse({ type: ClientDto, description: 'Created' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: ClientDto, description: 'Updated' })
  async upsert(@Param() params: ExternalIdParams, @Body() body: UpsertClientDto, @Res({ passthrough: true }) res: Response) {
    const { created, client } = await this.clients.upsertByExternalId(params.externalId, body);
    if (created) res.status(201);
    return client;
  }

  @Get(':id')
  @Can('clients:read')
  @ApiOperation({ summary: 'One client' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ClientDto })
  get(@Param() params: IdParams) {
    return this.clients.get(params.id);
  }

  @Patch(':id')
  @Can('clients:write')
  @ApiOperation({ summary: 'Change a client; archived=false brings an archived client back' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 200, type: ClientDto })
  update(@Param() params: IdParams, @Body() body: UpdateClientDto) {
    return this.clients.update(params.id, body);
  }

  @Delete(':id')
  @Can('clients:write')
  @ApiOperation({ summary: 'Delete a client without cases; a client with cases is archived instead (result tells which)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: DeletedClientDto })
  remove(@Param() params: IdParams) {
    return this.clients.remove(params.id);
  }
}
