import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb, TENANT_TABLES } from '@poa/db';
import { tenantMailDir } from '@poa/jobs';
import type { FileStorage } from '@poa/storage';
import Redis from 'ioredis';
import { rm } from 'node:fs/promises';
import { PollLoop } from '../outbox/poll-loop';
import { FILE_STORAGE, WORKER_CONFIG } from '../tokens';

/** The outbox first: once the agency's pending jobs are gone, nothing new is relayed for it while the rest goes. */
export const PURGE_ORDER: readonly string[] = ['outbox', ...TENANT_TABLES.filter((table) => table !== 'outbox')];

export type PurgeOutcome = 'purged' | 'not-due' | 'gone';

export interface PurgeOptions {
  /** Rows deleted per transaction and table (small batches keep locks and WAL bursts short). */
  batchSize?: number;
  /** Called after every committed batch (tests interrupt a purge here). */
  afterBatch?: (table: string, deleted: number) => void | Promise<void>;
}

/**
 * Deletes the agencies whose deletion fell due: every row of every tenant table, every stored file under the
 * tenant's prefix (evidence, PDFs, exports) and its development mailbox, then the tenant row itself. The schedule
 * lives in PostgreSQL (tenants.deletion_scheduled_for), so a restart loses nothing; every step is a plain
 * "delete what is left", so a purge interrupted halfway finishes on the next run, and the tenant row goes last.
 * Each batch runs in a transaction bound to that tenant: row-level security limits it to the tenant's own rows.
 */
@Injectable()
export class TenantPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TenantPurger.name);
  private readonly loop = new PollLoop(
    'Tenant deletion',
    this.logger,
    () => this.purgeDue(new Date()),
    () => this.config.TENANT_DELETION_POLL_MS,
  );

  constructor(
    private readonly db: TenantDb,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {}

  private redis: Redis | null = null;

  onApplicationBootstrap(): void {
    this.loop.start(0);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    this.redis?.disconnect();
  }

  /** Agencies whose deletion is due at `now` (read under the narrow `app.tenant_deletion` policy: ids and dates only). */
  async due(now: Date): Promise<string[]> {
    const rows = await this.db.systemTransaction({ 'app.tenant_deletion': 'on' }, (tx) =>
      tx.query<{ id: string }>(`SELECT id FROM tenants WHERE deletion_scheduled_for <= $1 ORDER BY deletion_scheduled_for, id LIMIT 10`, [
        now.toISOString(),
      ]),
    );
    return rows.map((row) => row.id);
  }

  /** Purges every agency due at `now`; returns how many were purged. */
  async purgeDue(now: Date, options: PurgeOptions = {}): Promise<number> {
    let purged = 0;
    for (const tenantId of await this.due(now)) {
      if ((await this.purge(tenantId, now, options)) === 'purged') purged += 1;
    }
    return purged;
  }

  /** Purges one agency if its deletion is due at `now` (checked again under its own tenant: a cancel may have won). */
  async purge(tenantId: string, now: Date, { batchSize = 500, afterBatch }: PurgeOptions = {}): Promise<PurgeOutcome> {
    let userIds: string[] = [];
    const state = await this.db.transaction(
      async (tx) => {
        const [row] = await tx.query<{ due: boolean }>(`SELECT deletion_scheduled_for <= $2 AS due FROM tenants WHERE id = $1 FOR UPDATE`, [
          tenantId,
          now.toISOString(),
        ]);
        if (!row) return 'gone' as const;
        if (!row.due) return 'not-due' as const;
        // From here on the owner can no longer cancel: the purge may already have removed part of the data.
        await tx.query(`UPDATE tenants SET deletion_started_at = COALESCE(deletion_started_at, $2) WHERE id = $1`, [
          tenantId,
          now.toISOString(),
        ]);
        userIds = (await tx.query<{ id: string }>(`SELECT id FROM users`)).map((user) => user.id);
        return 'due' as const;
      },
      { tenantId },
    );
    if (state !== 'due') return state;
    this.logger.log(`Purging agency ${tenantId}`);

    const counts: Record<string, number> = {};
    for (const table of PURGE_ORDER) {
      for (;;) {
        const deleted = await this.db.transaction(
          async (tx) =>
            (
              await tx.query(
                `WITH batch AS (SELECT ctid FROM "${table}" WHERE tenant_id = $1 LIMIT $2) DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM batch) RETURNING 1`,
                [tenantId, batchSize],
              )
            ).length,
          { tenantId, settings: { 'app.tenant_purge': 'on' } },
        );
        if (deleted > 0) {
          counts[table] = (counts[table] ?? 0) + deleted;
          await afterBatch?.(table, deleted);
        }
        if (deleted < batchSize) break;
      }
    }
    await this.revokeStaffAccess(userIds);
    // Files after rows: a job that was already running when the rows went may still have written one.
    const files = await this.storage.deletePrefix(tenantId);
    await rm(tenantMailDir(this.config, tenantId), { recursive: true, force: true });
    await this.db.transaction((tx) => tx.query(`DELETE FROM tenants WHERE id = $1`, [tenantId]), { tenantId });
    this.logger.log(`Purged agency ${tenantId}: ${JSON.stringify(counts)} rows, ${files} files`);
    return 'purged';
  }

  /**
   * API processes keep a staff user's row for up to 30 s while the user's access version in Redis (`uv:<userId>`)
   * is unchanged: moving it on makes every process read the (now missing) row at the next request.
   */
  private async revokeStaffAccess(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      this.redis ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
      await this.redis.pipeline(userIds.map((id) => ['incr', `uv:${id}`])).exec();
    } catch (error) {
      this.logger.warn(`Could not publish the end of ${userIds.length} staff sessions (they lapse within 30 s): ${String(error)}`);
    }
  }
}
