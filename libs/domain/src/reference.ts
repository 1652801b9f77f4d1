const PREFIX = 'POA';
const MIN_SEQUENCE_DIGITS = 4;
const REFERENCE_PATTERN = /^POA-(\d{4})-(\d{4,})$/;

/** `formatCaseReference(2026, 42)` -> `POA-2026-0042`; the sequence grows past 9999 unpadded. */
export function formatCaseReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence: ${sequence}`);
  return `${PREFIX}-${year}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, '0')}`;
}

export function parseCaseReference(reference: string): { year: number; sequence: number } | null {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return null;
  const sequence = Number(match[2]);
  if (sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  // A sequence above 9999 is written without padding, so "POA-2026-00042" is not a canonical reference.
  if (match[2].length > MIN_SEQUENCE_DIGITS && match[2].startsWith('0')) return null;
  return { year: Number(match[1]), sequence };
}
