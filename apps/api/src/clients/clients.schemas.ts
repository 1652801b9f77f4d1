import { MARKETPLACE_CODES } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';
import { email, externalId, externalIdParamsSchema, uuidParam } from '../common/schemas';

const name = z.string().trim().min(1).max(200);
const sellerId = z.string().trim().min(1).max(100);
const marketplaces = z
  .array(z.enum(MARKETPLACE_CODES))
  .max(MARKETPLACE_CODES.length)
  .transform((list) => [...new Set(list)]);
const notes = z.string().max(20_000);

export const createClientSchema = z.strictObject({
  name,
  sellerId: sellerId.nullish(),
  marketplaces: marketplaces.optional(),
  externalId: externalId.nullish(),
  notes: notes.optional(),
});
export type CreateClientInput = z.infer<typeof createClientSchema>;
export class CreateClientDto extends createZodDto(
  createClientSchema.meta({
    example: { name: 'Northwind Outlet', sellerId: 'A2NORTHWIND', marketplaces: ['US', 'CA'], externalId: 'acct-1001' },
  }),
) {}

export const updateClientSchema = z.strictObject({
  name: name.optional(),
  sellerId: sellerId.nullish(),
  marketplaces: marketplaces.optional(),
  externalId: externalId.nullish(),
  notes: notes.optional(),
  /** false brings an archived client back. */
  archived: z.boolean().optional(),
});
export type UpdateClientInput = z.infer<typeof updateClientSchema>;
export class UpdateClientDto extends createZodDto(
  updateClientSchema.meta({ example: { notes: 'Prefers calls after 3 pm ET', marketplaces: ['US', 'CA', 'MX'] } }),
) {}

/** CRM upsert: fields left out keep their current value on an existing client. */
export const upsertClientSchema = z.strictObject({
  name,
  sellerId: sellerId.nullish(),
  marketplaces: marketplaces.optional(),
  notes: notes.optional(),
});
export type UpsertClientInput = z.infer<typeof upsertClientSchema>;
export class UpsertClientDto extends createZodDto(
  upsertClientSchema.meta({ example: { name: 'Northwind Outlet', sellerId: 'A2NORTHWIND', marketplaces: ['US', 'CA'] } }),
) {}

export class ExternalIdParams extends createZodDto(externalIdParamsSchema) {}

export const clientListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export class ClientListQueryDto extends createZodDto(clientListQuerySchema) {}

export const clientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sellerId: z.string().nullable(),
  marketplaces: z.array(z.string()),
  externalId: z.string().nullable(),
  notes: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export class ClientDto extends createZodDto(clientSchema) {}
export class ClientPageDto extends createZodDto(pageSchema(clientSchema)) {}

export const deletedClientSchema = z.object({ id: z.uuid(), result: z.enum(['deleted', 'archived']) });
export class DeletedClientDto extends createZodDto(deletedClientSchema) {}

// Contacts: the seller's people who use the portal.
export const createContactSchema = z.strictObject({ name, email });
export class CreateContactDto extends createZodDto(
  createContactSchema.meta({ example: { name: 'Priya Natarajan', email: 'priya@northwind.example' } }),
) {}
export const updateContactSchema = z.strictObject({ name: name.optional(), email: email.optional() });
export class UpdateContactDto extends createZodDto(updateContactSchema.meta({ example: { email: 'priya.n@northwind.example' } })) {}

export const contactSchema = z.object({ id: z.uuid(), clientId: z.uuid(), name: z.string(), email: z.string(), createdAt: z.string() });
export class ContactDto extends createZodDto(contactSchema) {}
export class ContactListDto extends createZodDto(z.object({ data: z.array(contactSchema) })) {}

export const contactParamsSchema = z.strictObject({ id: uuidParam, contactId: uuidParam });
export class ContactParams extends createZodDto(contactParamsSchema) {}
