import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from './errors';

const DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'VALIDATION_FAILED: details lists `{field, message}` per problem (malformed ids too)',
  NOT_FOUND: 'NOT_FOUND: no such resource in this agency',
  CONFLICT: 'CONFLICT: the change clashes with the current state (a unique value, or a state that forbids it)',
  VERSION_CONFLICT: 'VERSION_CONFLICT: baseVersion is not the latest; details.latestVersion names it',
  INVALID_TRANSITION: 'INVALID_TRANSITION: the case state does not allow this action; details.allowed lists those it does',
  CHECK_FAILED:
    'CHECK_FAILED: the POA checker finds errors in the plan (approve_internal, mark_submitted); details.findings lists them; a reviewer may pass override.reason',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE: the file is over 20 MB',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE: only PDF, JPG, PNG or GIF (judged by content)',
  STORAGE_FULL: 'STORAGE_FULL: the file store has no room; nothing was saved',
  CROSS_SITE_REQUEST: 'CROSS_SITE_REQUEST: a page of another site sent it (Sec-Fetch-Site, or Origin when that is absent)',
};

/** Documents the error answers of an endpoint in the OpenAPI (409s share one status, so their descriptions are joined). */
export function ApiErrors(...codes: ErrorCode[]) {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), DESCRIPTIONS[code] ?? code]);
  }
  return applyDecorators(...[...byStatus].map(([status, texts]) => ApiResponse({ status, description: texts.join('; ') })));
}
