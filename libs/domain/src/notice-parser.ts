import { MARKETPLACES, type MarketplaceCode } from './marketplaces';
import type { ViolationType } from './violations';

export interface ParsedNotice {
  asins: string[];
  orderIds: string[];
  marketplace?: MarketplaceCode;
  violationType?: ViolationType;
  dueInHours?: number;
}

export const ASIN_PATTERN = /\bB0[A-Z0-9]{8}\b/gi;
export const ORDER_ID_PATTERN = /\b\d{3}-\d{7}-\d{7}\b/g;
const AMAZON_HOST_PATTERN = /\b((?:[a-z0-9-]+\.)*)amazon((?:\.[a-z]{2,3})+)\b/gi;
const DEADLINE_PATTERN = /\bwithin\s+(?:the\s+next\s+)?(\d{1,3})\s*(?:\(\d+\)\s*)?(hours?|days?)\b/i;

/** Marketplace names as they appear in notices ("on the UK marketplace", "Amazon Germany"). */
const MARKETPLACE_WORDING: readonly [RegExp, MarketplaceCode][] = [
  ...MARKETPLACES.map((m): [RegExp, MarketplaceCode] => [new RegExp(`\\b${escape(m.name)}\\s+(?:marketplace|store)\\b`, 'i'), m.code]),
  // Codes are matched case-sensitively: "IN marketplace" is India, "in marketplace" is not.
  ...MARKETPLACES.map((m): [RegExp, MarketplaceCode] => [new RegExp(`\\b${m.code}\\s+(?:[Mm]arketplace|[Ss]tore)\\b`), m.code]),
  ...MARKETPLACES.map((m): [RegExp, MarketplaceCode] => [new RegExp(`\\bAmazon\\s+${escape(m.name)}\\b`, 'i'), m.code]),
  [/\b(?:Great Britain|British)\s+(?:marketplace|store)\b/i, 'UK'],
];

/** Seller Central hosts on amazon.com that serve another region than the US. */
const REGIONAL_SELLER_CENTRAL: Readonly<Record<string, MarketplaceCode | null>> = {
  'sellercentral-europe.': null,
  'sellercentral-japan.': 'JP',
};

/**
 * Keyword evidence per violation type; the type with most hits wins, ties go to the earlier entry
 * (the more specific policies come first).
 */
export const VIOLATION_KEYWORDS: readonly [ViolationType, RegExp][] = [
  ['product_authenticity', /\b(?:inauthentic|counterfeit|authenticity|not authentic)\b/gi],
  ['intellectual_property', /\b(?:trademark|copyright|patent|intellectual property|rights owner)s?\b/gi],
  [
    'restricted_products',
    /\b(?:restricted products?|pesticides?|pesticide-type|antimicrobial|antibacterial|prohibited (?:products?|items?|claims?))\b/gi,
  ],
  [
    'product_safety',
    /\b(?:product safety|safety (?:certificat\w+|documentation|concern\w*)|children's product certificate|test reports?)\b/gi,
  ],
  ['related_accounts', /\b(?:related accounts?|linked accounts?|accounts? (?:that )?(?:is|are) related)\b/gi],
  [
    'review_manipulation',
    /\b(?:review manipulation|manipulat\w* (?:(?:product|customer) )?(?:reviews?|ratings?)|incentivi[sz]ed reviews?|review abuse|(?:community guidelines|customer product reviews? policy))\b/gi,
  ],
  ['code_of_conduct', /\b(?:code of conduct|deceptive|section 3|fraudulent)\b/gi],
  ['product_condition', /\b(?:used sold as new|sold as new|product condition|condition)\b/gi],
  ['order_defect_rate', /\b(?:order defect rate|ODR|A-to-z(?: Guarantee)? claims?|chargebacks?|negative feedback)\b/gi],
  ['late_shipment_rate', /\b(?:late shipments?(?: rate)?|LSR)\b/gi],
  ['cancellation_rate', /\b(?:cancellation rate|pre-fulfill?ment cancel\w*)\b/gi],
  ['valid_tracking_rate', /\b(?:valid tracking rate|VTR)\b/gi],
  [
    'listing_policy',
    /\b(?:listing polic(?:y|ies)|detail page (?:abuse|policy)|keyword stuffing|wrong category|category polic(?:y|ies))\b/gi,
  ],
];

export function parseNotice(text: string): ParsedNotice {
  const result: ParsedNotice = {
    asins: uniqueMatches(text, ASIN_PATTERN).map((a) => a.toUpperCase()),
    orderIds: uniqueMatches(text, ORDER_ID_PATTERN),
  };
  const marketplace = detectMarketplace(text);
  if (marketplace) result.marketplace = marketplace;
  const violationType = guessViolationType(text);
  if (violationType) result.violationType = violationType;
  const dueInHours = detectDeadlineHours(text);
  if (dueInHours !== undefined) result.dueInHours = dueInHours;
  return result;
}

export function detectMarketplace(text: string): MarketplaceCode | undefined {
  let sawUsDomain = false;
  for (const match of text.matchAll(AMAZON_HOST_PATTERN)) {
    const subdomain = match[1].toLowerCase();
    const domain = `amazon${match[2].toLowerCase()}`;
    if (subdomain in REGIONAL_SELLER_CENTRAL) {
      const code = REGIONAL_SELLER_CENTRAL[subdomain];
      if (code) return code;
      continue;
    }
    const marketplace = MARKETPLACES.find((m) => m.domain === domain);
    if (!marketplace) continue;
    // amazon.com is also the host of global pages and e-mail addresses: trust it last.
    if (marketplace.code === 'US') sawUsDomain = true;
    else return marketplace.code;
  }
  const worded = earliestWordedMarketplace(text);
  if (worded) return worded;
  return sawUsDomain ? 'US' : undefined;
}

function earliestWordedMarketplace(text: string): MarketplaceCode | undefined {
  let earliest: { code: MarketplaceCode; at: number } | undefined;
  for (const [pattern, code] of MARKETPLACE_WORDING) {
    const at = text.search(pattern);
    if (at >= 0 && (!earliest || at < earliest.at)) earliest = { code, at };
  }
  return earliest?.code;
}

export function guessViolationType(text: string): ViolationType | undefined {
  let best: { type: ViolationType; hits: number } | undefined;
  for (const [type, pattern] of VIOLATION_KEYWORDS) {
    const hits = [...text.matchAll(pattern)].length;
    if (hits > 0 && (!best || hits > best.hits)) best = { type, hits };
  }
  return best?.type;
}

export function detectDeadlineHours(text: string): number | undefined {
  const match = DEADLINE_PATTERN.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2].toLowerCase().startsWith('day') ? amount * 24 : amount;
}

function uniqueMatches(text: string, pattern: RegExp): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(pattern)) seen.add(match[0].toUpperCase());
  return [...seen];
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
