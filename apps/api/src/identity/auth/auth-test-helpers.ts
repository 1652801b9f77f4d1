/** Builders for the identity integration tests (test-only module). */
import { expectStatus, queryAsTenant } from '../../cases/case-test-helpers';
import { signupAgency, type TestApi } from '../../../test/harness';

/** The emails of a tenant's outbox of one kind (the job id names it: confirm-address, address-in-use...). */
export async function emailsOfKind(api: TestApi, tenantId: string, kind: string) {
  const rows = await queryAsTenant<{ payload: { to: string; subject: string; text: string } }>(
    api.config.DATABASE_URL,
    tenantId,
    `SELECT payload FROM outbox WHERE topic = 'email' AND job_id LIKE $1 ORDER BY id`,
    [`email-${kind}-%`],
  );
  return rows.map((row) => row.payload);
}

/** The token of the last confirmation link emailed to `email` by this tenant. */
export async function confirmationToken(api: TestApi, tenantId: string, email: string): Promise<string | undefined> {
  const links = (await emailsOfKind(api, tenantId, 'confirm-address'))
    .filter((mail) => mail.to === email)
    .map((mail) => /confirm-email\?token=(\S+)/.exec(mail.text)?.[1]);
  const last = links.at(-1);
  return last && decodeURIComponent(last);
}

/** Opens the confirmation link, as the owner of the address would: the account then logs in with its password. */
export async function confirmEmail(api: TestApi, tenantId: string, email: string): Promise<void> {
  const token = await confirmationToken(api, tenantId, email);
  if (!token) throw new Error(`no confirmation email for ${email}`);
  expectStatus(await api.http.post('/api/v1/auth/confirm-email', { token }), 204);
}

/** A new agency whose owner confirmed the address (so password log-in works). */
export async function signupConfirmed(api: TestApi, http = api.http) {
  const owner = await signupAgency(http);
  await confirmEmail(api, owner.tenant.id, owner.email);
  return owner;
}
