import { useQuery } from '@tanstack/react-query';
import { fetchWithRefresh } from '../../api/client';
import { ApiError } from '../../api/errors';
import { tokenStore } from '../../api/token-store';
import { useTenantKey } from '../auth/session';

export interface DevMail {
  file: string;
  to: string;
  subject: string;
  date: string;
}

/** GET /api/v1/dev/mail[/file] (only with DEV_MAILBOX=true, and not in the OpenAPI document, so not in the SDK). */
async function devMail(path: string): Promise<Response> {
  const response = await fetchWithRefresh(
    new Request(`/api/v1/dev/mail${path}`, { headers: { authorization: `Bearer ${tokenStore.accessToken ?? ''}` } }),
  );
  if (!response.ok) {
    const error = ApiError.from(response.status, await response.json().catch(() => null));
    if (response.status === 404 && path === '')
      throw new ApiError(
        404,
        error.code,
        'The development mailbox is off: start the product with DEV_MAILBOX=true (never in production).',
        null,
      );
    throw error;
  }
  return response;
}

/** The links of an .eml, with quoted-printable soft line breaks and =3D escapes undone. */
export function linksOf(eml: string): string[] {
  const text = eml.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  return [...new Set(text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])];
}

export function useDevMails() {
  const key = useTenantKey();
  return useQuery({ queryKey: key('dev-mail'), queryFn: async () => ((await (await devMail('')).json()) as { data: DevMail[] }).data });
}

export function useDevMail(file: string | null) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('dev-mail', file),
    enabled: file !== null,
    queryFn: async () => (await devMail(`/${encodeURIComponent(file!)}`)).text(),
  });
}
