import { MARKETPLACES, MARKETPLACE_CODES, isMarketplaceCode, marketplaceInfo } from './marketplaces';

describe('marketplaces', () => {
  it('covers the 23 marketplaces, in order', () => {
    expect(MARKETPLACE_CODES).toEqual('US CA MX BR UK DE FR IT ES NL SE PL BE TR IE JP AU SG IN AE SA EG ZA'.split(' '));
  });

  it('has unique codes and domains', () => {
    expect(new Set(MARKETPLACES.map((m) => m.domain)).size).toBe(MARKETPLACES.length);
    expect(new Set(MARKETPLACE_CODES).size).toBe(MARKETPLACES.length);
  });

  it('knows the main domains and languages', () => {
    expect(marketplaceInfo('UK')).toMatchObject({ domain: 'amazon.co.uk', language: 'en-GB' });
    expect(marketplaceInfo('JP')).toMatchObject({ domain: 'amazon.co.jp', language: 'ja-JP' });
    expect(marketplaceInfo('US').domain).toBe('amazon.com');
    expect(marketplaceInfo('DE').name).toBe('Germany');
  });

  it('recognises codes', () => {
    expect(isMarketplaceCode('DE')).toBe(true);
    expect(isMarketplaceCode('GB')).toBe(false);
    expect(isMarketplaceCode('de')).toBe(false);
    expect(isMarketplaceCode(42)).toBe(false);
  });
});
