import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { textOrNull } from '../../api/nullable';
import type { Client } from '../../api/types';
import { useCan } from '../auth/session';
import { useClientCases } from '../cases/cases.queries';
import { CaseLink } from '../cases/list/CaseTable';
import { useNow } from '../../lib/use-now';
import { DeadlineBadge } from '../../ui/DeadlineBadge';
import { DataTable } from '../../ui/DataTable';
import { QueryView } from '../../ui/states';
import { StatusPill } from '../../ui/StatusPill';
import { ClientForm } from './ClientForm';
import { useClient } from './clients.queries';
import { ContactsPanel } from './ContactsPanel';
import { ClientSafetyNets } from '../follow-ups/ClientSafetyNets';
import { usePageTitle } from '../../lib/page-title';

export default function ClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  return <QueryView query={client}>{(c) => <ClientView client={c} />}</QueryView>;
}

function ClientView({ client }: { client: Client }) {
  const canWrite = useCan('writer');
  const [editing, setEditing] = useState(false);
  usePageTitle(client.name);
  return (
    <section>
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/clients">Clients</Link>
      </p>
      <div className="page-header">
        <h1>
          {client.name} {textOrNull(client.archivedAt) && <span className="pill">archived</span>}
        </h1>
        <div className="btn-group">
          {canWrite && (
            <>
              <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
                Edit
              </button>
              <Link className="btn btn-primary" to={`/cases/new?clientId=${client.id}`}>
                New case
              </Link>
            </>
          )}
        </div>
      </div>
      {editing ? (
        <div className="card" style={{ marginBottom: '1.25rem' }}>
          <ClientForm client={client} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </div>
      ) : (
        <div className="card" style={{ marginBottom: '1.25rem' }}>
          <dl className="facts">
            <dt>Seller id</dt>
            <dd className="mono">{textOrNull(client.sellerId) ?? '—'}</dd>
            <dt>Marketplaces</dt>
            <dd>{client.marketplaces.join(', ') || '—'}</dd>
            <dt>External id</dt>
            <dd className="mono">{textOrNull(client.externalId) ?? '—'}</dd>
            <dt>Notes</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{client.notes || '—'}</dd>
          </dl>
        </div>
      )}
      <div className="grid-2">
        <ClientCases clientId={client.id} />
        <ContactsPanel clientId={client.id} />
      </div>
      <ClientSafetyNets clientId={client.id} />
    </section>
  );
}

function ClientCases({ clientId }: { clientId: string }) {
  const now = useNow(60_000);
  const cases = useClientCases(clientId);
  return (
    <section className="card" aria-labelledby="client-cases-title">
      <h2 id="client-cases-title">Cases</h2>
      <DataTable
        query={cases}
        empty="No cases for this client yet."
        row={(c) => (
          <tr>
            <td>
              <CaseLink summary={c} />
            </td>
            <td>
              <StatusPill status={c.status} />
            </td>
            <td>
              <DeadlineBadge dueAt={c.dueAt} status={c.status} now={now} />
            </td>
          </tr>
        )}
      />
    </section>
  );
}
