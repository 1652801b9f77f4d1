import type { Schemas } from '@poa/sdk';
import { ApiError } from '../../api/errors';

export type PortalCase = Schemas['PortalCaseDto_Output'];
export type PortalCaseSummary = Schemas['PortalCasePageDto_Output']['data'][number];
export type PortalComment = Schemas['PortalCommentDto_Output'];
export type PortalMe = Schemas['PortalMeDto_Output'];
export type PortalSession = Schemas['PortalSessionDto_Output'];
export type PdfStatus = NonNullable<PortalCase['pdf']>;

export type PortalAgency = Schemas['PortalAgencyDto_Output'];
export type PortalEvidence = Schemas['PortalEvidenceListDto_Output'];
export type PortalEvidenceItem = PortalEvidence['data'][number];
export type PortalEvidenceRequest = Schemas['PortalEvidenceRequestsDto_Output']['data'][number];

/**
 * The portal session is an httpOnly cookie the API sets when a log-in link is exchanged (no script can read it): it
 * lasts its 8 hours across reloads and tabs, and the next log-in in this browser replaces it. Requests carry it
 * because they are same-origin.
 */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1/portal${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  if (response.status === 401) window.dispatchEvent(new Event('portal:logged-out'));
  if (!response.ok) {
    throw ApiError.from(response.status, await response.json().catch(() => null));
  }
  return response;
}

const json = async <T>(method: string, path: string, body?: unknown) => (await (await send(method, path, body)).json()) as T;

export const portalApi = {
  requestLink: (email: string) => json<{ message: string }>('POST', '/login-link', { email }),
  exchange: (token: string) => json<PortalSession>('POST', '/session', { token }),
  /** Ends the session on the server (every session of this contact) and clears the cookie. */
  logout: async () => void (await send('POST', '/logout')),
  agency: (id: string) => json<PortalAgency>('GET', `/agencies/${id}`),
  me: () => json<PortalMe>('GET', '/me'),
  cases: () => json<{ data: PortalCaseSummary[] }>('GET', '/cases?limit=100'),
  case: (id: string) => json<PortalCase>('GET', `/cases/${id}`),
  comments: (id: string) => json<{ data: PortalComment[] }>('GET', `/cases/${id}/comments?limit=100`),
  addComment: (id: string, body: string, version?: number) => json<PortalComment>('POST', `/cases/${id}/comments`, { body, version }),
  approve: (id: string, version: number, fullName: string) =>
    json<{ status: string }>('POST', `/cases/${id}/approve`, { version, fullName }),
  evidence: (id: string) => json<PortalEvidence>('GET', `/cases/${id}/evidence`),
  evidenceRequests: () => json<{ data: PortalEvidenceRequest[] }>('GET', '/evidence-requests'),
  /** Sends a document asked of the client (multipart: the file and the item it provides). */
  uploadEvidence: (id: string, evidenceKey: string, file: File) => {
    const form = new FormData();
    form.append('evidenceKey', evidenceKey);
    form.append('file', file);
    return json<{ id: string; fileName: string }>('POST', `/cases/${id}/attachments`, form);
  },
  requestChanges: (id: string, comment: string) => json<{ status: string }>('POST', `/cases/${id}/request-changes`, { comment }),
  /** 200: the PDF bytes; 202: still rendering (its status). `amazon`: the copy to send Amazon (rendered on first request). */
  async pdf(
    id: string,
    version?: number,
    variant?: 'amazon',
  ): Promise<{ ready: true; blob: Blob; fileName: string } | { ready: false; status: PdfStatus['status'] }> {
    const query = variant ? `?variant=${variant}` : '';
    const response = await send('GET', `${version ? `/cases/${id}/versions/${version}/pdf` : `/cases/${id}/pdf`}${query}`);
    if (response.status === 202) return { ready: false, status: ((await response.json()) as { status: PdfStatus['status'] }).status };
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'poa.pdf';
    return { ready: true, blob: await response.blob(), fileName };
  },
};

/** Where an evidence file cited in the draft opens (the session cookie goes with the request). */
export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/v1/portal/cases/${caseId}/attachments/${attachmentId}`;
