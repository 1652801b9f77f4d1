import { brandingPatch, formOf, isHexColor, logoProblem, MAX_LOGO_BYTES, type Tenant } from './branding-form';

const tenant: Tenant = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Acme Agency',
  branding: { primaryColor: '#1F5FBF', logoDataUri: 'data:image/png;base64,iVBORw0KGgo=', letterhead: null, paperSize: 'A4' },
  deletionScheduledFor: null,
};

describe('branding form', () => {
  it('sends nothing when nothing changed (a colour differing only in case included)', () => {
    expect(brandingPatch(tenant, formOf(tenant))).toEqual({});
    expect(brandingPatch(tenant, { ...formOf(tenant), primaryColor: '#1f5fbf' })).toEqual({});
  });

  it('sends only the changed fields, without the logo unless it changed', () => {
    const form = { ...formOf(tenant), primaryColor: '#aa3300', paperSize: 'Letter' as const, name: ' Acme Agency Ltd ' };
    expect(brandingPatch(tenant, form)).toEqual({ primaryColor: '#aa3300', paperSize: 'Letter', name: 'Acme Agency Ltd' });
  });

  it('sends null to remove the logo, and a blank letterhead as null', () => {
    const withLetterhead: Tenant = { ...tenant, branding: { ...tenant.branding, letterhead: '1 Main St' } };
    expect(brandingPatch(withLetterhead, { ...formOf(withLetterhead), logoDataUri: null, letterhead: '  ' })).toEqual({
      logoDataUri: null,
      letterhead: null,
    });
  });

  it('accepts PNG, JPEG, GIF and SVG logos up to the limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']) expect(logoProblem({ type, size: 1000 })).toBeNull();
    expect(logoProblem({ type: 'image/png', size: MAX_LOGO_BYTES })).toBeNull();
  });

  it('refuses other types and files whose data URI would exceed the API limit', () => {
    expect(logoProblem({ type: 'image/webp', size: 1000 })).toMatch(/PNG, JPEG, GIF or SVG/);
    expect(logoProblem({ type: '', size: 1000 })).not.toBeNull();
    expect(logoProblem({ type: 'image/png', size: MAX_LOGO_BYTES + 1 })).toMatch(/limit/);
    const longestUri = 'data:image/svg+xml;base64,'.length + Math.ceil(MAX_LOGO_BYTES / 3) * 4;
    expect(longestUri).toBeLessThanOrEqual(400_000);
  });

  it('recognises #rrggbb colours only', () => {
    expect(isHexColor('#aA3300')).toBe(true);
    expect(isHexColor('#a30')).toBe(false);
    expect(isHexColor('red')).toBe(false);
  });
});
