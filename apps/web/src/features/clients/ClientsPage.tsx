import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { textOrNull } from '../../api/nullable';
import { useCan } from '../auth/session';
import { TextField } from '../../ui/Field';
import { DataTable } from '../../ui/DataTable';
import { ClientForm } from './ClientForm';
import { useClients } from './clients.queries';
import { usePageTitle } from '../../lib/page-title';

export default function ClientsPage() {
  const canWrite = useCan('writer');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const includeArchived = params.get('archived') === 'true';
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (search.trim()) next.set('q', search.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, q, params, setParams]);

  const clients = useClients({ q, includeArchived });
  usePageTitle('Clients');

  return (
    <section>
      <div className="page-header">
        <h1>Clients</h1>
        {canWrite && (
          <button type="button" className="btn btn-primary" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            New client
          </button>
        )}
      </div>
      {creating && (
        <div className="card" style={{ marginBottom: '1rem' }}>
          <h2>New client</h2>
          <ClientForm onSaved={(client) => void navigate(`/clients/${client.id}`)} onCancel={() => setCreating(false)} />
        </div>
      )}
      <div className="filters card" role="search">
        <div className="field grow">
          <TextField
            label="Search clients"
            type="search"
            placeholder="Name, seller id or external id"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <label className="checkboxes">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.checked) next.set('archived', 'true');
              else next.delete('archived');
              setParams(next, { replace: true });
            }}
          />{' '}
          Include archived
        </label>
      </div>
      <DataTable
        framed
        query={clients}
        label="Clients"
        className="table-cards"
        empty={q ? 'No client matches.' : 'No clients yet.'}
        columns={['Name', 'Seller id', 'Marketplaces', 'External id']}
        row={(client) => (
          <tr className={textOrNull(client.archivedAt) ? 'row-muted' : undefined}>
            <td>
              <Link to={`/clients/${client.id}`}>{client.name}</Link>
              {textOrNull(client.archivedAt) && <span className="pill"> archived</span>}
            </td>
            <td data-label="Seller id" className="mono">
              {textOrNull(client.sellerId) ?? '—'}
            </td>
            <td data-label="Marketplaces">{client.marketplaces.join(', ') || '—'}</td>
            <td data-label="External id" className="mono">
              {textOrNull(client.externalId) ?? '—'}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
