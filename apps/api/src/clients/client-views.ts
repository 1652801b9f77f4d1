import { iso } from '../common/pagination';
import type { ClientRow } from './clients.repository';
import type { ContactRow } from './contacts.repository';

export const clientView = (r: ClientRow) => ({
  id: r.id,
  name: r.name,
  sellerId: r.seller_id,
  marketplaces: r.marketplaces,
  externalId: r.external_id,
  notes: r.notes,
  archivedAt: iso(r.archived_at),
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export const contactView = (r: ContactRow) => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  email: r.email,
  createdAt: iso(r.created_at)!,
});
