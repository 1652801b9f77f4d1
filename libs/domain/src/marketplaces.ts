export interface MarketplaceInfo {
  readonly code: string;
  readonly name: string;
  /** Storefront domain, without scheme or "www.". */
  readonly domain: string;
  /** Default language of the storefront (BCP 47). */
  readonly language: string;
}

export const MARKETPLACES = [
  { code: 'US', name: 'United States', domain: 'amazon.com', language: 'en-US' },
  { code: 'CA', name: 'Canada', domain: 'amazon.ca', language: 'en-CA' },
  { code: 'MX', name: 'Mexico', domain: 'amazon.com.mx', language: 'es-MX' },
  { code: 'BR', name: 'Brazil', domain: 'amazon.com.br', language: 'pt-BR' },
  { code: 'UK', name: 'United Kingdom', domain: 'amazon.co.uk', language: 'en-GB' },
  { code: 'DE', name: 'Germany', domain: 'amazon.de', language: 'de-DE' },
  { code: 'FR', name: 'France', domain: 'amazon.fr', language: 'fr-FR' },
  { code: 'IT', name: 'Italy', domain: 'amazon.it', language: 'it-IT' },
  { code: 'ES', name: 'Spain', domain: 'amazon.es', language: 'es-ES' },
  { code: 'NL', name: 'Netherlands', domain: 'amazon.nl', language: 'nl-NL' },
  { code: 'SE', name: 'Sweden', domain: 'amazon.se', language: 'sv-SE' },
  { code: 'PL', name: 'Poland', domain: 'amazon.pl', language: 'pl-PL' },
  { code: 'BE', name: 'Belgium', domain: 'amazon.com.be', language: 'fr-BE' },
  { code: 'TR', name: 'Turkey', domain: 'amazon.com.tr', language: 'tr-TR' },
  { code: 'IE', name: 'Ireland', domain: 'amazon.ie', language: 'en-IE' },
  { code: 'JP', name: 'Japan', domain: 'amazon.co.jp', language: 'ja-JP' },
  { code: 'AU', name: 'Australia', domain: 'amazon.com.au', language: 'en-AU' },
  { code: 'SG', name: 'Singapore', domain: 'amazon.sg', language: 'en-SG' },
  { code: 'IN', name: 'India', domain: 'amazon.in', language: 'en-IN' },
  { code: 'AE', name: 'United Arab Emirates', domain: 'amazon.ae', language: 'en-AE' },
  { code: 'SA', name: 'Saudi Arabia', domain: 'amazon.sa', language: 'ar-SA' },
  { code: 'EG', name: 'Egypt', domain: 'amazon.eg', language: 'ar-EG' },
  { code: 'ZA', name: 'South Africa', domain: 'amazon.co.za', language: 'en-ZA' },
] as const satisfies readonly MarketplaceInfo[];

export type MarketplaceCode = (typeof MARKETPLACES)[number]['code'];

export const MARKETPLACE_CODES = MARKETPLACES.map((m) => m.code) as unknown as readonly [MarketplaceCode, ...MarketplaceCode[]];

const CODES = new Set<string>(MARKETPLACE_CODES);

export function isMarketplaceCode(x: unknown): x is MarketplaceCode {
  return typeof x === 'string' && CODES.has(x);
}

export function marketplaceInfo(code: MarketplaceCode): MarketplaceInfo {
  const info = MARKETPLACES.find((m) => m.code === code);
  if (!info) throw new Error(`Unknown marketplace: ${code}`);
  return info;
}
