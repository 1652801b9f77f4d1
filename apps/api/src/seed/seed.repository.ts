import { TenantDb } from '@poa/db';

/** The few statements the demo seed runs itself; everything else goes through the API's services. */
export class SeedRepository {
  constructor(private readonly db: TenantDb) {}

  /** Whether a user with this address exists in any agency. */
  async userExists(email: string): Promise<boolean> {
    const exists = await this.db.systemTransaction({ 'app.login_email': email }, (tx) =>
      tx.query(`SELECT 1 FROM users WHERE email = $1`, [email]),
    );
    return exists.length > 0;
  }

  /** Marks every address of the agency confirmed. */
  async confirmAllEmails(tenantId: string): Promise<void> {
    await this.db.transaction(
      (tx) => tx.query(`UPDATE users SET email_confirmed_at = now(), email_token_hash = NULL, email_token_expires_at = NULL`),
      { tenantId },
    );
  }
}
