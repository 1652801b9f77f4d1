import { VIOLATION_TYPE_KEYS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidParam } from '../common/schemas';

export const libraryQuerySchema = z.strictObject({
  violationType: z.enum(VIOLATION_TYPE_KEYS).optional().describe('Only examples of this violation type'),
});
export class LibraryQueryDto extends createZodDto(libraryQuerySchema) {}

/** A plan without what ties it to its case (issue and attachment ids). */
export const exampleSectionsSchema = z.object({
  summary: z.string(),
  rootCauses: z.array(z.object({ text: z.string() })),
  correctiveActions: z.array(z.object({ text: z.string(), completedAt: z.string().nullable() })),
  preventiveMeasures: z.array(z.object({ text: z.string(), owner: z.string(), startDate: z.string().nullable(), frequency: z.string() })),
  supportingDocuments: z
    .array(z.object({ description: z.string() }))
    .describe('What each document proved (the files stay with their case)'),
});
export type ExampleSections = z.infer<typeof exampleSectionsSchema>;

export const exampleSchema = z.object({
  id: z.uuid().describe('The example (the submission that won)'),
  caseReference: z.string().optional().describe('The reference of the case it won'),
  violationType: z.string(),
  decidedAt: z.string().describe('When Amazon reinstated the seller'),
  rounds: z.number().int().describe('Submissions it took'),
  sections: exampleSectionsSchema.describe(
    'The submitted plan with client names, seller ids, ASINs and order ids replaced by {{CLIENT}}, {{SELLER_ID}}, {{ASIN}}, {{ORDER_ID}}',
  ),
});
export type Example = z.infer<typeof exampleSchema>;
export class LibraryDto extends createZodDto(z.object({ data: z.array(exampleSchema) })) {}

export const fromExampleSchema = z.strictObject({
  exampleId: uuidParam.describe('An example of the library (GET /library)'),
  baseVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('The latest version you know (0 for none); a newer one answers 409 VERSION_CONFLICT. Absent: the latest'),
});
export type FromExampleInput = z.infer<typeof fromExampleSchema>;
export class FromExampleDto extends createZodDto(
  fromExampleSchema.meta({ example: { exampleId: '3f6c2a1e-8b4d-4c7a-9e12-5d0b7a6c4e21', baseVersion: 1 } }),
) {}
