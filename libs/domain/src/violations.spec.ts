import {
  RESOLUTION_PATHS,
  VIOLATION_TYPES,
  VIOLATION_TYPE_KEYS,
  defaultDueAt,
  defaultPath,
  isViolationType,
  violationLabel,
  violationTypeInfo,
} from './violations';

describe('violations', () => {
  it('lists exactly the violation keys of the catalogue, in order', () => {
    expect(VIOLATION_TYPE_KEYS).toEqual([
      'order_defect_rate',
      'late_shipment_rate',
      'cancellation_rate',
      'valid_tracking_rate',
      'product_authenticity',
      'intellectual_property',
      'product_condition',
      'restricted_products',
      'product_safety',
      'related_accounts',
      'code_of_conduct',
      'review_manipulation',
      'listing_policy',
      'other',
    ]);
  });

  it('gives every entry a label, a description and list fields', () => {
    for (const v of VIOLATION_TYPES) {
      expect(v.label.length).toBeGreaterThan(0);
      expect(v.description.length).toBeGreaterThan(0);
      expect(Array.isArray(v.typicalRootCauses)).toBe(true);
      expect(v.defaultDeadlineHours).toBeGreaterThan(0);
      expect(RESOLUTION_PATHS).toContain(v.path);
      for (const e of v.evidence) expect(e.key && e.label && e.proves).toBeTruthy();
      expect(new Set(v.evidence.map((e) => e.key)).size).toBe(v.evidence.length);
    }
  });

  it('sends IP complaints to a retraction, restricted products and listing problems to a listing fix, safety to documents', () => {
    expect(defaultPath('intellectual_property')).toBe('retraction');
    expect(defaultPath('restricted_products')).toBe('listing_fix');
    expect(defaultPath('listing_policy')).toBe('listing_fix');
    expect(defaultPath('product_safety')).toBe('compliance_documents');
    expect(defaultPath('product_authenticity')).toBe('poa');
    expect(defaultPath('late_shipment_rate')).toBe('poa');
  });

  it('recognises violation types', () => {
    expect(isViolationType('product_authenticity')).toBe(true);
    expect(isViolationType('authenticity')).toBe(false);
    expect(isViolationType(undefined)).toBe(false);
    expect(isViolationType('toString')).toBe(false);
  });

  it('labels', () => {
    expect(violationLabel('order_defect_rate')).toBe('Order defect rate');
    expect(violationLabel('intellectual_property')).toBe('Intellectual property');
    expect(() => violationTypeInfo('nope' as never)).toThrow('Unknown violation type');
  });

  it('gives 72 hours for restricted products and product safety', () => {
    const received = new Date('2026-03-01T10:00:00Z');
    expect(defaultDueAt('restricted_products', received).toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(defaultDueAt('product_safety', received).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('gives 17 days for performance metrics and the rest', () => {
    const received = new Date('2026-03-01T10:00:00Z');
    for (const key of ['late_shipment_rate', 'order_defect_rate', 'product_authenticity', 'other'] as const) {
      expect(defaultDueAt(key, received).toISOString()).toBe('2026-03-18T10:00:00.000Z');
    }
    expect(received.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});
