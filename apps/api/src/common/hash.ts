import { createHash } from 'node:crypto';

/** SHA-256 as lowercase hex (strings are hashed as UTF-8). */
export const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');
