import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../../core/access.decorators';
import { idParamsSchema } from '../../common/schemas';
import { SecretInAnswer } from '../../idempotency/idempotency.interceptor';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-keys.schemas';
import { ApiKeysService } from './api-keys.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Can('api_keys:manage')
  @SecretInAnswer('key')
  @ApiOperation({ summary: 'Create an API key; the key is in this answer only' })
  @ZodResponse({ status: 201, type: CreatedApiKeyDto })
  create(@Body() body: CreateApiKeyDto) {
    return this.apiKeys.create(body);
  }

  @Get()
  @Can('api_keys:manage')
  @ApiOperation({ summary: 'API keys with their last use' })
  @ZodResponse({ status: 200, type: ApiKeyListDto })
  list() {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('api_keys:manage')
  @ApiOperation({ summary: 'Revoke a key at once' })
  async revoke(@Param() params: IdParams): Promise<void> {
    await this.apiKeys.revoke(params.id);
  }
}
