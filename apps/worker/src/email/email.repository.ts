import { Injectable } from '@nestjs/common';
import { sql, TenantDb, type Case, type RowOf, type Tenant } from '@poa/db';
import type { EmailJob } from '@poa/jobs';

/** The sending agency's name and colour, and the status and version of the case a reminder is about (null without one). */
export type EmailAgencyRow = Pick<RowOf<Tenant>, 'name'> & {
  primary_color: string | null;
  case_status: RowOf<Case>['status'] | null;
  case_version: RowOf<Case>['latest_version'] | null;
};

/** The email sender's statements (its outbox bookkeeping is the outbox repository's). */
@Injectable()
export class EmailRepository {
  constructor(private readonly db: TenantDb) {}

  async agency(job: EmailJob): Promise<EmailAgencyRow | undefined> {
    const [row] = await this.db.read<EmailAgencyRow>(
      sql`SELECT t.name, t.branding->>'primaryColor' AS primary_color, c.status AS case_status, c.latest_version AS case_version
        FROM tenants t LEFT JOIN cases c ON c.id = ${job.onlyIf?.caseId ?? null}::uuid WHERE t.id = ${job.tenantId}::uuid`,
      { tenantId: job.tenantId },
    );
    return row;
  }
}
