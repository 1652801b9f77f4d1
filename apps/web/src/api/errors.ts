import type { PoaErrorBody } from '@poa/sdk';

export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call, carrying the `{"error": {code, message, details}}` body the API always answers with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const error = isErrorBody(body) ? body.error : undefined;
    return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? `Request failed (${status})`, error?.details);
  }

  /** VALIDATION_FAILED details: [{field, message}]. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldError => typeof d === 'object' && d !== null && 'field' in d && 'message' in d);
  }
}

function isErrorBody(body: unknown): body is PoaErrorBody {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as PoaErrorBody).error === 'object';
}

/** A sentence to show the user for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.map((f) => `${f.field}: ${f.message}`);
    return fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
  }
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong';
}

/** Resolves an openapi-fetch call to its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw ApiError.from(response.status, error);
  return data as T;
}

/** The message the API gave for one field of a VALIDATION_FAILED answer. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors.find((f) => f.field === field)?.message : undefined;
}

/** Like fieldError, but also for the items of a list field: `asins` matches `asins.2` ("item 3: ..."). */
export function listFieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fieldErrors.find((f) => f.field === field || f.field.startsWith(`${field}.`));
  if (!found || found.field === field) return found?.message;
  const index = Number(found.field.slice(field.length + 1).split('.')[0]);
  return Number.isInteger(index) ? `item ${index + 1}: ${found.message}` : found.message;
}
