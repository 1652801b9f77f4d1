import type { TenantTransaction } from '@poa/db';
import { isViolationType, type CaseFacts } from '@poa/domain';
import { caseTemplateTexts, evidenceFacts } from '../common/case-evidence';
import { limitsOf } from '../settings/submission-settings.service';
import type { CaseIssue } from './case-issues';

interface FactsRow {
  asins: string[];
  violation_type: string;
  issues: CaseIssue[];
  notice_received_at: Date;
  client_name: string;
  file_names: Record<string, string> | null;
  submission_settings: { limits?: Record<string, unknown> } | null;
}

/**
 * What the POA checker knows of a case besides its draft: the notice's issues, ASINs and order IDs, the client, the
 * notice date, the agency's Seller Central limits and the case's file names, and its evidence checklist. The one place
 * case facts are gathered, for the findings endpoint, the draft answers and the send gate alike.
 */
export async function loadCaseFacts(tx: TenantTransaction, caseId: string): Promise<CaseFacts | undefined> {
  const [row] = await tx.query<FactsRow>(
    `SELECT c.asins, c.violation_type, c.issues, c.notice_received_at, cl.name AS client_name,
            (SELECT json_object_agg(at.id, at.file_name) FROM attachments at WHERE at.case_id = c.id) AS file_names,
            (SELECT t.submission_settings FROM tenants t WHERE t.id = c.tenant_id) AS submission_settings
     FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = $1`,
    [caseId],
  );
  if (!row) return undefined;
  const [evidence, templateTexts] = [await evidenceFacts(tx, caseId), await caseTemplateTexts(tx, caseId)];
  return {
    asins: row.asins,
    violationType: isViolationType(row.violation_type) ? row.violation_type : null,
    issues: row.issues.map((issue) => ({
      id: issue.id,
      violationType: issue.violationType,
      asins: issue.asins,
      orderIds: issue.orderIds ?? [],
    })),
    clientName: row.client_name,
    noticeReceivedAt: row.notice_received_at,
    now: new Date(),
    limits: limitsOf(row.submission_settings),
    fileNames: row.file_names ?? {},
    evidence,
    templateTexts,
  };
}

/**
 * Which of `sentences` (normalised, see `comparableSentences`) appear in an approved plan of another client of the
 * agency. Compared in SQL so a save does not read every approved plan; row-level security keeps other agencies out.
 */
export async function sentencesElsewhere(tx: TenantTransaction, caseId: string, sentences: readonly string[]): Promise<Set<string>> {
  if (sentences.length === 0) return new Set();
  const rows = await tx.query<{ sentence: string }>(
    `WITH other AS (
       SELECT ' ' || regexp_replace(lower(dv.sections::text), '[^a-z0-9]+', ' ', 'g') || ' ' AS text
       FROM approvals a
       JOIN draft_versions dv ON dv.id = a.draft_version_id
       JOIN cases c ON c.id = dv.case_id
       WHERE c.client_id <> (SELECT client_id FROM cases WHERE id = $1)
     )
     SELECT s.sentence FROM unnest($2::text[]) AS s(sentence)
     WHERE EXISTS (SELECT 1 FROM other WHERE other.text LIKE '% ' || s.sentence || ' %')`,
    [caseId, sentences],
  );
  return new Set(rows.map((r) => r.sentence));
}
