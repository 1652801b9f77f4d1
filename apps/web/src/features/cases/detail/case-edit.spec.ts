import { toLocalInputValue } from '../../../lib/format';
import { caseChanges, caseEditFormOf, type EditableCase } from './case-edit';

const detail: EditableCase = {
  title: 'Inauthentic complaint',
  dueAt: '2026-03-10T09:30:00.000Z',
  assignee: { id: '11111111-1111-4111-8111-111111111111', name: 'Wendy' },
  asins: ['B0ABCDE123', 'B0XYZ98765'],
  marketplace: 'UK',
  violationType: 'product_authenticity',
  path: 'poa',
  issues: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      violationType: 'product_authenticity',
      asins: ['B0ABCDE123'],
      orderIds: ['202-1234567-1234567'],
      note: '',
    },
  ],
  noticeText: 'We have deactivated your account.',
};

describe('case edit form', () => {
  it('starts from the case and sends nothing when nothing changed', () => {
    const form = caseEditFormOf(detail);
    expect(form.asins).toBe('B0ABCDE123, B0XYZ98765');
    expect(form.assigneeId).toBe(detail.assignee?.id);
    expect(form.dueAt).toBe(toLocalInputValue(new Date(detail.dueAt)));
    expect(caseChanges(detail, form)).toEqual({});
  });

  it('sends only the changed fields, trimmed and normalised', () => {
    const form = {
      ...caseEditFormOf(detail),
      title: '  Inauthentic complaint, round 2 ',
      asins: 'b0abcde123;  b0new00001',
      assigneeId: '',
    };
    expect(caseChanges(detail, form)).toEqual({
      title: 'Inauthentic complaint, round 2',
      asins: ['B0ABCDE123', 'B0NEW00001'],
      assigneeId: null,
    });
  });

  it('sends the due date as an ISO instant of the local time typed', () => {
    const form = { ...caseEditFormOf(detail), dueAt: '2026-04-01T17:00' };
    expect(caseChanges(detail, form)).toEqual({ dueAt: new Date('2026-04-01T17:00').toISOString() });
  });

  it('treats the same ASINs written differently as unchanged', () => {
    expect(caseChanges(detail, { ...caseEditFormOf(detail), asins: 'b0abcde123 B0XYZ98765' })).toEqual({});
  });

  it('sends marketplace, path and notice text changes', () => {
    const form = { ...caseEditFormOf(detail), marketplace: 'DE', path: 'retraction', noticeText: 'New notice' };
    expect(caseChanges(detail, form)).toEqual({ marketplace: 'DE', path: 'retraction', noticeText: 'New notice' });
  });

  it('sends every issue, with the ids of the kept ones, when one changed or was added', () => {
    const form = caseEditFormOf(detail);
    expect(caseChanges(detail, { ...form, issues: [{ ...form.issues[0], orderIds: '202-1234567-1234567  ' }] })).toEqual({});
    const changed = caseChanges(detail, {
      ...form,
      issues: [
        { ...form.issues[0], note: 'One buyer' },
        { key: 'new', violationType: 'order_defect_rate', asins: '', orderIds: '', note: '' },
      ],
    });
    expect(changed).toEqual({
      issues: [
        {
          id: detail.issues[0].id,
          violationType: 'product_authenticity',
          asins: ['B0ABCDE123'],
          orderIds: ['202-1234567-1234567'],
          note: 'One buyer',
        },
        { violationType: 'order_defect_rate', asins: [], orderIds: [], note: '' },
      ],
    });
  });
});
