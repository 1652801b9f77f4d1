import { emptyListMessage, filtersFromParams, filtersToParams, filtersToQuery, viewFromParams } from './case-filters';

const CLIENT = '0b8f3c1e-6a4d-4f7e-9a1b-2c3d4e5f6a7b';

describe('case filters in the URL', () => {
  it('round-trips a saved view through the URL', () => {
    const params = new URLSearchParams(
      `view=board&status=internal_review,drafting&violationType=product_authenticity&clientId=${CLIENT}&overdue=true&q=B0ABC&sort=dueAt`,
    );
    const filters = filtersFromParams(params);
    expect(filters).toMatchObject({
      statuses: ['drafting', 'internal_review'],
      violationType: 'product_authenticity',
      clientId: CLIENT,
      overdue: true,
      q: 'B0ABC',
      sort: 'dueAt',
      order: 'asc',
    });
    expect(viewFromParams(params)).toBe('board');
    expect(filtersFromParams(filtersToParams(filters, 'board'))).toEqual(filters);
  });

  it('drops malformed values instead of sending them to the API', () => {
    const filters = filtersFromParams(
      new URLSearchParams('status=bogus,closed&violationType=nope&clientId=1%3Bdrop&sort=x&order=sideways'),
    );
    expect(filters).toEqual({
      statuses: ['closed'],
      violationType: undefined,
      clientId: undefined,
      assigneeId: undefined,
      overdue: false,
      dueToday: false,
      q: '',
      sort: 'updatedAt',
      order: 'desc',
    });
  });

  it('asks for active cases due before the end of today that are not overdue', () => {
    const now = new Date(2026, 2, 10, 9, 30);
    const query = filtersToQuery(filtersFromParams(new URLSearchParams('dueToday=true')), now);
    expect(query.dueBefore).toBe(new Date(2026, 2, 10, 23, 59, 59, 999).toISOString());
    expect(query.overdue).toBe('false');
    expect(query.status?.split(',')).not.toContain('closed');
    expect(filtersToQuery(filtersFromParams(new URLSearchParams('dueToday=true&overdue=true')), now).overdue).toBeUndefined();
  });

  it('keeps the queue in the URL and the API query', () => {
    const filters = filtersFromParams(new URLSearchParams('queue=review&sort=dueAt'));
    expect(filters.queue).toBe('review');
    expect(filtersToParams(filters).toString()).toBe('queue=review&sort=dueAt');
    expect(filtersToQuery(filters).queue).toBe('review');
    expect(filtersFromParams(new URLSearchParams('queue=everyone')).queue).toBeUndefined();
  });

  it('keeps defaults out of the URL and builds the API query', () => {
    const filters = filtersFromParams(new URLSearchParams(''));
    expect(filtersToParams(filters).toString()).toBe('');
    expect(filtersToQuery({ ...filters, statuses: ['drafting', 'intake'], overdue: true })).toEqual({
      sort: 'updatedAt',
      order: 'desc',
      status: 'drafting,intake',
      overdue: 'true',
    });
  });

  it('says what an empty queue holds, and that filters match nothing only when filters are set', () => {
    const empty = (query: string) => emptyListMessage(filtersFromParams(new URLSearchParams(query)));
    expect(empty('')).toBe('No cases yet.');
    expect(empty('sort=dueAt&order=desc')).toBe('No cases yet.');
    expect(empty('queue=mine')).toBe('No open cases are assigned to you.');
    expect(empty('queue=review')).toBe('Nothing is waiting for your review.');
    for (const narrowed of ['q=B0', 'status=drafting', 'overdue=true', 'dueToday=true', 'queue=mine&violationType=product_authenticity'])
      expect(empty(narrowed)).toBe('No cases match these filters.');
  });
});
