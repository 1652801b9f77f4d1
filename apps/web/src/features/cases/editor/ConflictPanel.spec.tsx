import { emptyDraft } from '@poa/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { ConflictPanel } from './ConflictPanel';

const noop = () => undefined;

describe('ConflictPanel', () => {
  const theirs = { ...emptyDraft(), summary: 'Their summary', rootCauses: [{ text: 'Supplier not verified' }] };
  const mine = { ...emptyDraft(), summary: 'My summary', rootCauses: [{ text: 'Supplier not verified' }, { text: 'No invoices kept' }] };

  it('shows both sides and offers to keep either, announced as an alert', () => {
    const html = renderToStaticMarkup(
      <ConflictPanel latestVersion={4} theirs={theirs} theirsAuthor="Rita" mine={mine} onKeepTheirs={noop} onKeepMine={noop} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Rita saved version 4');
    expect(html).toContain('Theirs · v4');
    expect(html).toContain('Their summary');
    expect(html).toContain('My summary');
    expect(html).toContain('No invoices kept');
    expect(html).toContain('Keep theirs (discard mine)');
    expect(html).toContain('Keep mine (save on top of v4)');
    expect(html).toContain('as version 5');
  });

  it('cannot keep theirs before their version has loaded', () => {
    const html = renderToStaticMarkup(
      <ConflictPanel latestVersion={2} theirs={undefined} mine={mine} onKeepTheirs={noop} onKeepMine={noop} />,
    );
    expect(html).toMatch(/<button type="button" class="btn" disabled="">Keep theirs/);
    expect(html).toContain('Loading their version');
  });
});
