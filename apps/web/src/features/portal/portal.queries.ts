import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  portalApi,
  type PortalAgency,
  type PortalCase,
  type PortalCaseSummary,
  type PortalComment,
  type PortalEvidence,
  type PortalEvidenceRequest,
  type PortalMe,
} from './api';

/*
 * The portal's data hooks, over its own small fetch client (api.ts). Plain React state rather than TanStack Query:
 * the portal bundle stays light (as with its router and labels), and nothing in it is shared between pages.
 */

const SESSION_SIGNAL = 'poa-portal-session';
const AGENCY_KEY = 'poa-portal-agency';

/** The agency whose portal this browser last used (the tenant part of its log-in links): its log-in page is branded. */
export const rememberedAgency = {
  get: () => localStorage.getItem(AGENCY_KEY),
  fromToken: (token: string) => /^([0-9a-f-]{36})\./i.exec(token)?.[1] ?? null,
  set: (id: string) => localStorage.setItem(AGENCY_KEY, id),
};

/** Tells the portal's other tabs that the session changed (they reload who is signed in). */
function signalOtherTabs() {
  localStorage.setItem(SESSION_SIGNAL, String(Date.now()));
}

/** Log-in by email link (ask for a link; exchange its token, which sets the session cookie) and log-out. */
export function usePortalLogin() {
  return useMemo(
    () => ({
      requestLink: (email: string) => portalApi.requestLink(email),
      exchange: async (token: string) => {
        await portalApi.exchange(token);
        const agency = rememberedAgency.fromToken(token);
        if (agency) rememberedAgency.set(agency);
        signalOtherTabs();
      },
      logOut: () =>
        portalApi
          .logout()
          .catch(() => undefined)
          .finally(signalOtherTabs),
    }),
    [],
  );
}

export type SessionState = { status: 'checking' | 'in' | 'out'; me: PortalMe | null; generation: number };

/**
 * Who is signed in, from the session cookie (GET /me): `checking` until known. `reload` asks again (after a log-in
 * here or in another tab); each answer bumps `generation`, so pages keyed on it load afresh for the new identity.
 */
export function usePortalSession() {
  const [state, setState] = useState<SessionState>({ status: 'checking', me: null, generation: 0 });
  const reload = useCallback(
    () =>
      portalApi.me().then(
        (me) => setState((s) => ({ status: 'in', me, generation: s.generation + 1 })),
        () => setState((s) => ({ status: 'out', me: null, generation: s.generation + 1 })),
      ),
    [],
  );
  const loggedOut = useCallback(() => setState((s) => ({ status: 'out', me: null, generation: s.generation + 1 })), []);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_SIGNAL) void reload();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('portal:logged-out', loggedOut);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('portal:logged-out', loggedOut);
    };
  }, [reload, loggedOut]);
  return { ...state, reload, loggedOut };
}

/** An agency's name, logo and colour for its log-in page; null while unknown. */
export function usePortalAgency(id: string | null) {
  const [agency, setAgency] = useState<PortalAgency | null>(null);
  useEffect(() => {
    if (id) portalApi.agency(id).then(setAgency, () => setAgency(null));
  }, [id]);
  return agency;
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

/** The documents the agency asks of the client on a case (any status); `error` is what a failed load threw. */
export function usePortalEvidence(caseId: string) {
  const [state, setState] = useState<{ data: PortalEvidence | null; error: unknown }>({ data: null, error: null });
  const reload = useCallback(() => {
    portalApi.evidence(caseId).then(
      (data) => setState({ data, error: null }),
      (error: unknown) => setState({ data: null, error }),
    );
  }, [caseId]);
  useEffect(reload, [reload]);
  const upload = useCallback((key: string, file: File) => portalApi.uploadEvidence(caseId, key, file), [caseId]);
  return { ...state, reload, upload };
}

/** The client's cases with documents still to send. */
export function usePortalEvidenceRequests() {
  const [requests, setRequests] = useState<PortalEvidenceRequest[]>([]);
  useEffect(() => {
    portalApi.evidenceRequests().then(
      (page) => setRequests(page.data),
      () => setRequests([]),
    );
  }, []);
  return requests;
}
