import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/**
 * True for one of the ~49,000 most common passwords (zxcvbn's list), compared case-insensitively: the first ones
 * an attacker tries. The set is built on first use, not at start-up.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}
