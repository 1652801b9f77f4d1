import { MARKETPLACES } from '@poa/domain';

/** Where Amazon takes retractions of IP complaints, from the rights owner only (never forwarded by the seller). */
export const AMAZON_RETRACTION_ADDRESS = 'notice-dispute@amazon.com';

export interface LetterFacts {
  sellerName: string;
  sellerId: string | null;
  marketplace: string;
  asins: string[];
  complaintId: string | null;
  rightsOwner: string | null;
  contactEmail: string | null;
}

/**
 * The e-mail the seller sends the rights owner to ask for a retraction: short, factual, no admission beyond what the
 * seller has done, and the one thing Amazon requires: that the rights owner writes to Amazon themselves.
 */
export function retractionLetter(f: LetterFacts) {
  const store = MARKETPLACES.find((m) => m.code === f.marketplace)?.domain ?? 'Amazon';
  const asinList = f.asins.length > 0 ? f.asins.join(', ') : 'the listings named in your complaint';
  const complaint = f.complaintId ? `complaint ${f.complaintId}` : 'your complaint';
  const seller = f.sellerId ? `${f.sellerName} (Amazon seller ID ${f.sellerId})` : f.sellerName;
  const body = [
    `Dear ${f.rightsOwner ?? 'Sir or Madam'},`,
    '',
    `We are ${seller}. Following ${complaint} on ${store} concerning ASIN ${asinList}, Amazon removed our listing${f.asins.length === 1 ? '' : 's'}.`,
    '',
    'We respect your rights. We have reviewed the listings concerned and are ready to give you any information you need about ' +
      'the products and where we bought them.',
    '',
    `If you agree that the matter is resolved, please send a retraction to Amazon at ${AMAZON_RETRACTION_ADDRESS} from the e-mail ` +
      `address you used to file the complaint, quoting ${f.complaintId ? `complaint ID ${f.complaintId}` : 'the complaint ID'} and ` +
      `ASIN ${asinList}. Amazon accepts retractions only from the rights owner directly, so we cannot send it on your behalf.`,
    '',
    'Thank you for your time.',
    '',
    'Kind regards,',
    f.sellerName,
  ].join('\n');
  return {
    to: f.contactEmail,
    subject: `Request to retract ${complaint} (ASIN ${asinList})`,
    body,
    missing: [...(f.complaintId ? [] : ['complaintId']), ...(f.rightsOwner ? [] : ['rightsOwner'])],
  };
}
