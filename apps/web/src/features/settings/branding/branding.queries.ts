import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useSession, useTenantKey } from '../../auth/session';
import type { BrandingPatch, Tenant } from './branding-form';

/** The agency (name and branding) and its PDF preview, which sits under it: invalidating the agency refreshes both. */
function useAgencyKeys() {
  const key = useTenantKey();
  return useMemo(() => ({ agency: key('tenant'), preview: key('tenant', 'branding-preview') }), [key]);
}

/** The agency: starts from the session's copy, refetched after branding changes so the top bar follows. */
export function useTenant() {
  const keys = useAgencyKeys();
  const session = useSession();
  return useQuery({
    queryKey: keys.agency,
    queryFn: () => unwrap(api.GET('/api/v1/tenant')),
    initialData: session.tenant,
    staleTime: 5 * 60_000,
  });
}

/**
 * A srcdoc frame inherits the page's Content-Security-Policy, which allows only <style> elements carrying the
 * page's nonce: the preview's stylesheet, the first <style> of the API's HTML (in its head, before any text of the
 * agency's, which is escaped), gets that nonce. Plain string work: parsing the HTML here would apply the policy
 * to the unmarked element already.
 */
export function pageStyleNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
}

function withPageStyleNonce(html: string): string {
  const nonce = pageStyleNonce();
  return nonce ? html.replace('<style>', `<style nonce="${nonce}">`) : html;
}

/**
 * The sample POA as the PDF renderer lays it out (HTML): with `draft` (an admin editing) the unsaved values,
 * otherwise the saved branding. While the next one loads the previous one stays on screen.
 */
export function useBrandingPreview(draft: BrandingPatch | null) {
  const keys = useAgencyKeys();
  return useQuery({
    queryKey: draft ? [...keys.preview, draft] : keys.preview,
    queryFn: async () => {
      const html = draft
        ? await unwrap(api.POST('/api/v1/tenant/branding/preview', { body: draft, parseAs: 'text' }))
        : await unwrap(api.GET('/api/v1/tenant/branding/preview', { parseAs: 'text' }));
      return withPageStyleNonce(String(html));
    },
    placeholderData: keepPreviousData,
  });
}

export function useSaveBranding(onSaved: (saved: Tenant) => void) {
  const keys = useAgencyKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: BrandingPatch) => unwrap(api.PATCH('/api/v1/tenant', { body: patch })),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.agency, saved);
      onSaved(saved);
      // Refetches the agency (top bar) and the preview.
      void queryClient.invalidateQueries({ queryKey: keys.agency });
    },
  });
}
