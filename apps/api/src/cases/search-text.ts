import type { TenantTransaction } from '@poa/db';

/**
 * cases.search_text: the one lower-cased column search reads (trigram index): reference, title,
 * client name, seller id and ASINs. Recomputed in SQL so a case and its client can never disagree.
 */
export async function refreshSearchText(tx: TenantTransaction, where: { caseId: string } | { clientId: string }): Promise<void> {
  const [column, value] = 'caseId' in where ? ['c.id', where.caseId] : ['c.client_id', where.clientId];
  await tx.query(
    `UPDATE cases c
     SET search_text = lower(concat_ws(' ', c.reference, c.title, cl.name, cl.seller_id, array_to_string(c.asins, ' ')))
     FROM clients cl WHERE cl.id = c.client_id AND ${column} = $1`,
    [value],
  );
}
