import { Injectable } from '@nestjs/common';
import { Case, columnsOf, sql, TenantDb, type TenantTransaction } from '@poa/db';
import type { CaseIssue } from './case-issues';

const RESOLUTION = columnsOf(Case, [
  'id',
  'reference',
  'marketplace',
  'asins',
  'issues',
  'retraction',
  'listingFixes',
  'complianceDocuments',
]);

export interface StoredRetraction {
  complaintId: string | null;
  rightsOwner: string | null;
  contactEmail: string | null;
  datesContacted: string[];
  status: string;
  note: string;
  updatedAt: string;
}
export interface StoredListingFix {
  id: string;
  asin: string | null;
  change: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
}
export interface StoredComplianceDocument {
  id: string;
  label: string;
  evidenceKey: string | null;
  attachmentId: string | null;
  note: string;
}

/** What the resolution panels of a case read: the trackers, and what the letter and checks need of the case. */
export type ResolutionRow = Omit<typeof RESOLUTION.$row, 'issues' | 'retraction' | 'listing_fixes' | 'compliance_documents'> & {
  issues: CaseIssue[];
  retraction: StoredRetraction | null;
  listing_fixes: StoredListingFix[];
  compliance_documents: StoredComplianceDocument[];
  client_name: string;
  client_seller_id: string | null;
  /** File names of the case's attachments by id. */
  attachment_names: Record<string, string>;
};

const SELECT = `
  SELECT ${RESOLUTION.as('c')}, cl.name AS client_name, cl.seller_id AS client_seller_id,
         (SELECT COALESCE(json_object_agg(a.id, a.file_name), '{}'::json) FROM attachments a WHERE a.case_id = c.id) AS attachment_names
  FROM cases c JOIN clients cl ON cl.id = c.client_id`;

type Column = 'retraction' | 'listing_fixes' | 'compliance_documents';

@Injectable()
export class ResolutionRepository {
  constructor(private readonly db: TenantDb) {}

  async read(caseId: string): Promise<ResolutionRow | undefined> {
    const [row] = await this.db.read<ResolutionRow>(sql`${sql.raw(SELECT)} WHERE c.id = ${caseId}::uuid`);
    return row;
  }

  /** The same, with the case row locked for the rest of the transaction. */
  async lock(tx: TenantTransaction, caseId: string): Promise<ResolutionRow | undefined> {
    const [row] = await tx.query<ResolutionRow>(`${SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [caseId]);
    return row;
  }

  async save(tx: TenantTransaction, caseId: string, column: Column, value: unknown): Promise<void> {
    await tx.query(`UPDATE cases SET ${column} = $2, updated_at = now() WHERE id = $1`, [caseId, JSON.stringify(value)]);
  }
}
