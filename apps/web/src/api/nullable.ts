/*
 * The OpenAPI document mis-describes a nullable string that sits directly on a response DTO
 * (`nextCursor`, `ClientDto.sellerId`, `CaseDto.externalId`...): the generated type says `string[]`
 * while the API answers `string | null`. Read those fields through these helpers until it is fixed.
 */

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function nextCursorOf(page: { nextCursor: unknown }): string | undefined {
  return textOrNull(page.nextCursor) || undefined;
}
