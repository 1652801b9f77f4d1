import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidParam } from '../common/schemas';

export const tenantExportSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'ready', 'failed']),
  size: z.number().int().nullable().describe('Bytes of the archive once ready'),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  downloadUrl: z.string().nullable().describe('GET it (owner) for the .tar.gz once ready'),
});

export class TenantExportDto extends createZodDto(tenantExportSchema) {}
export class ExportParams extends createZodDto(z.strictObject({ exportId: uuidParam })) {}
