import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../../core/tokens';
import type { AccessRow } from '../users/users.repository';

/** How long an entry is trusted at most, even if an invalidation never arrived (Redis failed just then). */
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  row: AccessRow;
  /** The user's access version in Redis when the row was read (null: never bumped). */
  version: string | null;
  expiresAt: number;
}

/**
 * The staff user rows the JWT strategy checks on every request, kept per API process. An entry is used only while
 * the user's access version in Redis (`uv:<userId>`) is still the one it was read with; that version is read in the
 * same Redis round trip as the rate limit (RequestRateLimit.count), so a hit costs no extra round trip, and a change
 * made through any API process is seen by every process on the very next request.
 *
 * Whatever changes what the check reads (status, role, name, email, token_version) must call `invalidate` after
 * its transaction commits and before it answers. While Redis is unreachable the version cannot be read and the
 * strategy reads the database on every request.
 */
@Injectable()
export class StaffAccessCache {
  private readonly entries = new Map<string, Entry>();
  private readonly logger = new Logger('StaffAccessCache');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static versionKey(userId: string): string {
    return `uv:${userId}`;
  }

  get(tenantId: string, userId: string, version: string | null): AccessRow | undefined {
    const key = `${tenantId}:${userId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.row;
  }

  /** `version` must have been read BEFORE the row: a change committed in between then shows as a newer version. */
  set(tenantId: string, userId: string, version: string | null, row: AccessRow): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(`${tenantId}:${userId}`, { row, version, expiresAt: Date.now() + TTL_MS });
  }

  /** Every process drops its entry for the user at its next request (new version), this one at once. */
  async invalidate(tenantId: string, userId: string): Promise<void> {
    this.entries.delete(`${tenantId}:${userId}`);
    try {
      await this.redis.incr(StaffAccessCache.versionKey(userId));
    } catch (error) {
      // Other processes keep their entry until it expires (TTL_MS); nothing else can reach them now.
      this.entries.clear();
      this.logger.error(
        { err: error, userId },
        'could not publish a staff access change; other API processes trust their cache until it expires',
      );
    }
  }
}
