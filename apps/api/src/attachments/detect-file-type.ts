import FileType from 'file-type';

/** Evidence files Amazon accepts (PDF, JPG, PNG, GIF), as detected from their first bytes. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The content type judged by the bytes, never by the name or the client's header; null when not accepted. */
export async function detectAcceptedType(data: Buffer): Promise<string | null> {
  const detected = await FileType.fromBuffer(data);
  return detected && ACCEPTED_TYPES[detected.mime] ? detected.mime : null;
}
