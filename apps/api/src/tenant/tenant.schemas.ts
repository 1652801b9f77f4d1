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
export const deleteTenantSchema = z.strictObject({
  confirmName: z.string().max(200).describe("The agency's name exactly as it is (GET /api/v1/tenant), typed by the owner to confirm"),
});
export class DeleteTenantDto extends createZodDto(deleteTenantSchema.meta({ example: { confirmName: 'Harbour Appeals Ltd' } })) {}

export const tenantDeletionSchema = z.object({
  deletionScheduledFor: z
    .string()
    .nullable()
    .describe('When every row and file of the agency will be purged (null: no deletion is scheduled)'),
});
export class TenantDeletionDto extends createZodDto(tenantDeletionSchema) {}

export class ExportParams extends createZodDto(z.strictObject({ exportId: uuidParam })) {}
