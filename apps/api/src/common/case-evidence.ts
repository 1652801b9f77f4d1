import { CaseEvidence, columnsOf, type TenantTransaction } from '@poa/db';
import {
  isViolationType,
  starterDraft,
  templateSentences,
  type AuthorisationDetails,
  type DraftSections,
  type EvidenceFact,
  type EvidenceKind,
  type InvoiceDetails,
} from '@poa/domain';

const ITEM = columnsOf(CaseEvidence, [
  'key',
  'position',
  'label',
  'proves',
  'required',
  'askClient',
  'accepts',
  'kind',
  'waivedReason',
  'waivedAt',
  'details',
]);
export type EvidenceItemRow = Omit<typeof ITEM.$row, 'details' | 'kind'> & {
  kind: EvidenceKind;
  details: InvoiceDetails | AuthorisationDetails | null;
  attachments: { id: string; file_name: string; uploaded_by_type: string; created_at: string }[];
};

/** A case's checklist with the files that provide each item (case id: $1; alias `e`). */
export const CASE_EVIDENCE_SQL = `SELECT ${ITEM.as('e')},
    COALESCE((SELECT json_agg(json_build_object('id', a.id, 'file_name', a.file_name, 'uploaded_by_type', a.uploaded_by_type,
                                                'created_at', a.created_at) ORDER BY a.created_at, a.id)
              FROM attachments a WHERE a.case_id = e.case_id AND a.evidence_key = e.key), '[]') AS attachments
  FROM case_evidence e WHERE e.case_id = $1 ORDER BY e.position, e.key`;

export type EvidenceStatus = EvidenceFact['status'];

/** A file provides the item; otherwise a reason waives it; otherwise it is missing. */
export function evidenceStatus(row: Pick<EvidenceItemRow, 'attachments' | 'waived_reason'>): EvidenceStatus {
  if (row.attachments.length > 0) return 'provided';
  return row.waived_reason !== null ? 'waived' : 'missing';
}

/** One checklist row as the checker reads it. */
export function evidenceFactOf(row: EvidenceItemRow): EvidenceFact {
  const fact: EvidenceFact = { key: row.key, label: row.label, required: row.required, status: evidenceStatus(row), kind: row.kind };
  if (row.kind === 'invoice') fact.invoice = { ...((row.details as InvoiceDetails | null) ?? {}) };
  if (row.kind === 'authorisation') fact.authorisation = { ...((row.details as AuthorisationDetails | null) ?? {}) };
  return fact;
}

/** The case's evidence items, their status and the fields typed beside invoices and letters of authorisation. */
export async function evidenceFacts(tx: TenantTransaction, caseId: string): Promise<EvidenceFact[]> {
  const rows = await tx.query<EvidenceItemRow>(CASE_EVIDENCE_SQL, [caseId]);
  return rows.map(evidenceFactOf);
}

/**
 * The sentences of the starter draft the case was opened with (its playbook's at the time; for a case opened before
 * playbooks, its type's built-in starter), for the checker to find text left unedited.
 */
export async function caseTemplateTexts(tx: TenantTransaction, caseId: string): Promise<string[]> {
  const [row] = await tx.query<{ starter_draft: DraftSections | null; violation_type: string; template_texts: string[] }>(
    `SELECT starter_draft, violation_type, template_texts FROM cases WHERE id = $1`,
    [caseId],
  );
  if (!row) return [];
  const starter = row.starter_draft ?? (isViolationType(row.violation_type) ? starterDraft(row.violation_type) : null);
  // Also the sentences of a library plan the draft was started from.
  return [...new Set([...(starter ? templateSentences(starter) : []), ...row.template_texts])];
}
