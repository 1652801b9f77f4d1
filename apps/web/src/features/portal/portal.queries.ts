import { useCallback, useEffect, useMemo, useState } from 'react';
import { portalApi, portalToken, type PortalCase, type PortalCaseSummary, type PortalComment, type PortalMe } from './api';

/*
 * The portal's data hooks, over its own small fetch client (api.ts). Plain React state rather than TanStack Query:
 * the portal bundle stays light (as with its router and labels), and nothing in it is shared between pages.
 */

/** Log-in by email link (ask for a link, exchange its token for a session kept for this tab) and log-out, which ends the session on the server too. */
export function usePortalLogin() {
  return useMemo(
    () => ({
      requestLink: (email: string) => portalApi.requestLink(email),
      exchange: async (token: string) => {
        const session = await portalApi.exchange(token);
        portalToken.set(session.accessToken);
      },
      logOut: () =>
        portalApi
          .logout()
          .catch(() => undefined)
          .finally(() => portalToken.clear()),
    }),
    [],
  );
}

/** The signed-in contact, their client and agency, loaded once logged in; the setter clears it on log-out. */
export function usePortalMe(loggedIn: boolean) {
  const [me, setMe] = useState<PortalMe | null>(null);
  useEffect(() => {
    if (loggedIn && !me) portalApi.me().then(setMe, () => undefined);
  }, [loggedIn, me]);
  return [me, setMe] as const;
}

/** The contact's cases; `failed` when they could not be loaded. */
export function usePortalCases() {
  const [cases, setCases] = useState<PortalCaseSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    portalApi.cases().then(
      (page) => setCases(page.data),
      () => setFailed(true),
    );
  }, []);
  return { cases, failed };
}

/** One case; `error` is what a failed load threw (a 404 when nothing is shared with the contact). */
export function usePortalCase(id: string) {
  const [state, setState] = useState<{ data: PortalCase | null; error: unknown }>({ data: null, error: null });
  const reload = useCallback(() => {
    portalApi.case(id).then(
      (data) => setState({ data, error: null }),
      (error: unknown) => setState({ data: null, error }),
    );
  }, [id]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/** The shared comments of a case; `load` resolves false when they could not be loaded. */
export function usePortalComments(caseId: string) {
  const [comments, setComments] = useState<PortalComment[]>([]);
  const load = useCallback(
    () =>
      portalApi.comments(caseId).then(
        (page) => {
          setComments(page.data);
          return true;
        },
        () => false,
      ),
    [caseId],
  );
  const add = useCallback((body: string, version?: number) => portalApi.addComment(caseId, body, version), [caseId]);
  return { comments, load, add };
}

/** The contact's answer to a draft: approve a version by typing their name, or ask for changes. */
export function usePortalReview(caseId: string) {
  return useMemo(
    () => ({
      approve: (version: number, fullName: string) => portalApi.approve(caseId, version, fullName),
      requestChanges: (comment: string) => portalApi.requestChanges(caseId, comment),
    }),
    [caseId],
  );
}

/** Fetches the PDF of an approved version (the latest one through its own address): the file, or its render status. */
export function usePortalPdf(caseId: string, version: number, latest: boolean) {
  return useCallback((variant?: 'amazon') => portalApi.pdf(caseId, latest ? undefined : version, variant), [caseId, version, latest]);
}
