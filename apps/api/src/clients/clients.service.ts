import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantTransaction } from '@poa/db';
import { CasesRepository } from '../cases/cases.repository';
import { textCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { clientView } from './client-views';
import { isUniqueViolation } from '../common/sql-patterns';
import { ClientsRepository, type ClientRow } from './clients.repository';
import type { CreateClientInput, UpdateClientInput, UpsertClientInput } from './clients.schemas';

const externalIdTaken = () =>
  new AppError('CONFLICT', 'Another client has this externalId', [{ field: 'externalId', message: 'already used by another client' }]);

@Injectable()
export class ClientsService {
  constructor(
    private readonly db: TenantDb,
    private readonly clients: ClientsRepository,
    private readonly cases: CasesRepository,
  ) {}

  async list(query: { limit: number; cursor?: string; q?: string; includeArchived?: boolean }) {
    const after = textCursor.decode(query.cursor);
    const rows = await this.clients.list({ limit: query.limit + 1, q: query.q, includeArchived: query.includeArchived, after });
    return toPage(rows, query.limit, clientView, (r) => textCursor.encode(r.name.toLowerCase(), r.id));
  }

  async get(id: string) {
    const row = await this.clients.get(id);
    if (!row) throw AppError.notFound('Client');
    return clientView(row);
  }

  async create(input: CreateClientInput) {
    return this.db.transaction(async (tx) => {
      try {
        const row = await this.clients.insert(tx, {
          name: input.name,
          seller_id: input.sellerId ?? null,
          marketplaces: input.marketplaces ?? [],
          external_id: input.externalId ?? null,
          notes: input.notes ?? '',
        });
        return clientView(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw externalIdTaken();
        throw error;
      }
    });
  }

  async update(id: string, input: UpdateClientInput) {
    return this.db.transaction(async (tx) => {
      const current = await this.clients.lockById(tx, id);
      if (!current) throw AppError.notFound('Client');
      const archivedAt = input.archived === undefined ? current.archived_at : input.archived ? (current.archived_at ?? new Date()) : null;
      let row: ClientRow;
      try {
        row = await this.clients.update(tx, id, {
          name: input.name ?? current.name,
          seller_id: input.sellerId === undefined ? current.seller_id : input.sellerId,
          marketplaces: input.marketplaces ?? current.marketplaces,
          external_id: input.externalId === undefined ? current.external_id : input.externalId,
          notes: input.notes ?? current.notes,
          archived_at: archivedAt,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw externalIdTaken();
        throw error;
      }
      if (!current.archived_at && row.archived_at) await this.clients.endPortalSessions(tx, id);
      await this.refreshCasesIfRenamed(tx, current, row);
      return clientView(row);
    });
  }

  /** Creates or updates the client a CRM knows by its own id; `created` tells which. */
  async upsertByExternalId(
    externalId: string,
    input: UpsertClientInput,
  ): Promise<{ created: boolean; client: ReturnType<typeof clientView> }> {
    return this.db.transaction(async (tx) => {
      const current = await this.clients.lockByExternalId(tx, externalId);
      if (current) {
        const row = await this.clients.updateKnown(tx, current.id, {
          name: input.name,
          seller_id: input.sellerId === undefined ? current.seller_id : input.sellerId,
          marketplaces: input.marketplaces ?? current.marketplaces,
          notes: input.notes ?? current.notes,
        });
        await this.refreshCasesIfRenamed(tx, current, row);
        return { created: false, client: clientView(row) };
      }
      // Two first upserts racing: the loser's insert does nothing, and it reads the winner's row.
      const inserted = await this.clients.insertUnlessExternalIdTaken(tx, {
        name: input.name,
        seller_id: input.sellerId ?? null,
        marketplaces: input.marketplaces ?? [],
        external_id: externalId,
        notes: input.notes ?? '',
      });
      if (inserted) return { created: true, client: clientView(inserted) };
      const winner = await this.clients.byExternalId(tx, externalId);
      return { created: false, client: clientView(winner!) };
    });
  }

  /** Deletes a client without cases (and its contacts); a client with cases is archived instead, keeping their history. */
  async remove(id: string): Promise<{ id: string; result: 'deleted' | 'archived' }> {
    return this.db.transaction(async (tx) => {
      const current = await this.clients.lockForRemoval(tx, id);
      if (!current) throw AppError.notFound('Client');
      if (await this.clients.hasCase(tx, id)) {
        await this.clients.archive(tx, id);
        if (!current.archived_at) await this.clients.endPortalSessions(tx, id);
        return { id, result: 'archived' };
      }
      await this.clients.delete(tx, id);
      return { id, result: 'deleted' };
    });
  }

  private async refreshCasesIfRenamed(tx: TenantTransaction, before: ClientRow, after: ClientRow): Promise<void> {
    if (before.name !== after.name || before.seller_id !== after.seller_id) await this.cases.refreshSearchText(tx, { clientId: after.id });
  }
}
