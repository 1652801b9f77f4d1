import { iso } from '../common/pagination';

export interface ClientRow {
  id: string;
  name: string;
  seller_id: string | null;
  marketplaces: string[];
  external_id: string | null;
  notes: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const CLIENT_COLUMNS = 'id, name, seller_id, marketplaces, external_id, notes, archived_at, created_at, updated_at';

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

export interface ContactRow {
  id: string;
  client_id: string;
  name: string;
  email: string;
  created_at: Date;
}

export const CONTACT_COLUMNS = 'id, client_id, name, email, created_at';

export const contactView = (r: ContactRow) => ({ id: r.id, clientId: r.client_id, name: r.name, email: r.email, createdAt: iso(r.created_at)! });
