/** Builders for the portal integration tests (test-only module). */
import { createCase, createClient, createContact, draftBody, expectStatus, queryAsTenant, transition } from '../cases/case-test-helpers';
import type { Http } from '../../test/harness';

/** A case with draft v1 sent to the client (intake -> drafting -> internal review -> client review). */
export async function caseInClientReview(http: Http, token: string, clientId: string, body: Record<string, unknown> = {}) {
  const created = await createCase(http, token, clientId, body);
  expectStatus(await http.post(`/api/v1/cases/${created.id}/drafts`, draftBody(0, 'Version one summary'), token), 201);
  for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
    expectStatus(await transition(http, token, created.id, { action }), 200);
  return created;
}

/** A client, one contact and a portal session for that contact (through a staff-made link). */
export async function clientWithPortalSession(http: Http, token: string, name: string) {
  const client = await createClient(http, token, { name });
  const contact = await createContact(http, token, client.id, `${name} Contact`);
  const link = await http.post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, token);
  expectStatus(link, 201);
  const session = await http.post('/api/v1/portal/session', { token: link.body.token });
  expectStatus(session, 200);
  return { client, contact, portalToken: session.body.accessToken as string };
}

export interface EmailRow {
  job_id: string;
  payload: {
    to: string;
    subject: string;
    text: string;
    notBefore?: string;
    onlyIf?: { caseId: string; status: string; latestVersion: number };
    tenantId: string;
  };
}

export async function emailsOf(databaseUrl: string, tenantId: string): Promise<EmailRow[]> {
  return queryAsTenant<EmailRow>(databaseUrl, tenantId, `SELECT job_id, payload FROM outbox WHERE topic = 'email' ORDER BY id`);
}
