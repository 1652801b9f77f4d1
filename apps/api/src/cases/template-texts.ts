import type { TenantTransaction } from '@poa/db';

/**
 * The sentences of the library plans a case's draft was started from (`caseTemplateTexts` adds its starter's). The checker's
 * `template_text` rule flags each one still in the draft as it was: copied text Amazon has seen before.
 */
export async function libraryTemplateTexts(tx: TenantTransaction, caseId: string): Promise<string[]> {
  const [row] = await tx.query<{ template_texts: string[] }>(`SELECT template_texts FROM cases WHERE id = $1`, [caseId]);
  return row?.template_texts ?? [];
}

/** Adds sentences to the case's template texts (kept once each, in the order first given). */
export async function addCaseTemplateTexts(tx: TenantTransaction, caseId: string, texts: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE cases SET template_texts = ARRAY(
       SELECT t FROM unnest(template_texts || $2::text[]) WITH ORDINALITY AS u(t, n) GROUP BY t ORDER BY min(n))
     WHERE id = $1`,
    [caseId, texts],
  );
}
