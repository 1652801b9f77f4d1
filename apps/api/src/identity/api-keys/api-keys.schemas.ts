import { API_KEY_SCOPES } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
});
export class CreateApiKeyDto extends createZodDto(
  createApiKeySchema.meta({ example: { name: 'CRM nightly sync', scopes: ['clients:write', 'cases:write', 'webhooks:manage'] } }),
) {}

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export class ApiKeyDto extends createZodDto(apiKeySchema) {}
export class ApiKeyListDto extends createZodDto(z.object({ data: z.array(apiKeySchema), nextCursor: z.string().nullable() })) {}
export class CreatedApiKeyDto extends createZodDto(
  apiKeySchema.extend({ key: z.string().describe('Shown this once; only a hash is stored') }),
) {}
