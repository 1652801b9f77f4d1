import { Client } from 'pg';

/**
 * The confirmation link the product emailed to `email` after a sign-up or an accepted invite, read from the
 * outbox as the app role (the e2e suites read no mailbox): the address's account, then its agency's email rows.
 */
export async function confirmationLink(databaseUrl: string, email: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.login_email', $1, true)`, [email]);
    const { rows: accounts } = await client.query<{ tenant_id: string }>(`SELECT tenant_id FROM users WHERE email = $1`, [email]);
    for (const { tenant_id: tenantId } of accounts) {
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await client.query<{ text: string }>(
        `SELECT payload->>'text' AS text FROM outbox WHERE topic = 'email' AND job_id LIKE 'email-confirm-address-%' AND payload->>'to' = $1 ORDER BY id DESC LIMIT 1`,
        [email],
      );
      const link = rows[0] && /https?:\/\/\S+\/confirm-email\?token=\S+/.exec(rows[0].text)?.[0];
      if (link) return link;
    }
    throw new Error(`no confirmation email for ${email}`);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
