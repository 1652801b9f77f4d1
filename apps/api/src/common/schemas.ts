import { z } from 'zod';
import { isCommonPassword } from './common-passwords';

export const uuidParam = z.uuid({ message: 'must be a uuid' });
export const idParamsSchema = z.strictObject({ id: uuidParam });
/** Draft versions run 1..MAX_VERSION: a larger number would overflow the database's integer columns. */
export const MAX_VERSION = 1_000_000;
export const versionNumber = z.number().int().min(1).max(MAX_VERSION);
export const versionParam = z.coerce.number().int().min(1).max(MAX_VERSION);
export const versionParamsSchema = z.strictObject({ id: uuidParam, version: versionParam });
export const email = z.email({ message: 'must be an email address' }).max(254).transform((e) => e.trim().toLowerCase());
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((value) => !isCommonPassword(value), 'is one of the most common passwords: choose one that is harder to guess');
export const isoDateTime = z.iso.datetime({ offset: true });
