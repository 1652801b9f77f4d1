import { z } from 'zod';

export const uuidParam = z.uuid({ message: 'must be a uuid' });
export const idParamsSchema = z.strictObject({ id: uuidParam });
export const email = z.email({ message: 'must be an email address' }).max(254).transform((e) => e.trim().toLowerCase());
export const password = z.string().min(10, 'must be at least 10 characters').max(200);
export const isoDateTime = z.iso.datetime({ offset: true });
