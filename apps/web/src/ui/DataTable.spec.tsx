import { renderToStaticMarkup } from 'react-dom/server';
import { ApiError } from '../api/errors';
import { DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
}

const idle = { isPending: false, error: null, refetch: () => undefined };
const row = (item: Row) => (
  <tr>
    <td>{item.name}</td>
  </tr>
);
const render = (
  query: Parameters<typeof DataTable<Row>>[0]['query'],
  extra: { columns?: Parameters<typeof DataTable<Row>>[0]['columns']; framed?: boolean } = {},
) => renderToStaticMarkup(<DataTable query={query} label="Things" empty="Nothing yet." row={row} {...extra} />);

describe('DataTable', () => {
  it('shows the loading, error and empty states instead of a table', () => {
    expect(render({ ...idle, isPending: true, data: undefined })).toContain('role="status"');
    const failed = render({ ...idle, error: ApiError.from(500, { error: { code: 'INTERNAL', message: 'It broke' } }), data: undefined });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('It broke');
    expect(failed).toContain('Retry');
    const empty = render({ ...idle, data: { data: [] } });
    expect(empty).toContain('Nothing yet.');
    expect(empty).not.toContain('<table');
  });

  it('renders the header row, screen-reader-only and sorted headers, and one row per item', () => {
    const html = render(
      {
        ...idle,
        data: {
          data: [
            { id: 'a', name: 'Alpha' },
            { id: 'b', name: 'Beta' },
          ],
        },
      },
      { columns: ['Name', false, { header: 'Due', sort: 'ascending' }, { header: 'Actions', srOnly: true }] },
    );
    expect(html).toContain(
      '<table class="table" aria-label="Things"><thead><tr><th scope="col">Name</th><th scope="col" aria-sort="ascending">Due</th>',
    );
    expect(html).toContain('<th scope="col"><span class="sr-only">Actions</span></th>');
    expect(html).toContain('<tbody><tr><td>Alpha</td></tr><tr><td>Beta</td></tr></tbody>');
    expect(html).not.toContain('Load more');
  });

  it('leaves the header row out when there are no columns, and frames the table on request', () => {
    const html = render({ ...idle, data: { data: [{ id: 'a', name: 'Alpha' }] } }, { framed: true });
    expect(html).not.toContain('<thead');
    expect(html).toMatch(/^<div tabindex="-1" class="query-view"><div class="card table-frame"><table/);
  });

  it('joins the pages of a paged list and offers the next page while there is one', () => {
    const pages = { pages: [{ data: [{ id: 'a', name: 'Alpha' }] }, { data: [{ id: 'b', name: 'Beta' }] }] };
    const more = render({ ...idle, data: pages, hasNextPage: true, isFetchingNextPage: false, fetchNextPage: () => undefined });
    expect(more).toContain('<td>Alpha</td></tr><tr><td>Beta</td>');
    expect(more).toContain('>Load more</button>');
    const loading = render({ ...idle, data: pages, hasNextPage: true, isFetchingNextPage: true });
    expect(loading).toMatch(/disabled="">Loading…<\/button>/);
    expect(render({ ...idle, data: pages, hasNextPage: false })).not.toContain('Load more');
  });

  it('shows why the next page failed, under the rows already loaded', () => {
    const html = render({
      ...idle,
      error: new TypeError('fetch failed'),
      data: { pages: [{ data: [{ id: 'a', name: 'Alpha' }] }] },
      isFetchNextPageError: true,
      hasNextPage: true,
    });
    expect(html).toContain('<td>Alpha</td>');
    expect(html).toContain('The server could not be reached');
  });
});
