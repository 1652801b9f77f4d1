import type { AppConfig } from '@poa/config';
import type { QueueName } from '@poa/jobs';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

/**
 * BullMQ queues for the outbox relay and sweep, on one Redis connection that fails fast while Redis is down instead
 * of buffering commands: the caller's transaction rolls back and the rows wait in PostgreSQL, which is the point.
 */
export class OutboxQueues {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly config: Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>,
    /** Commands issued in the same tick go out as one pipeline (the sweep's state look-ups: one round trip a batch). */
    opts: { autoPipelining?: boolean } = {},
  ) {
    this.connection = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      enableAutoPipelining: opts.autoPipelining ?? false,
      retryStrategy: (n) => Math.min(n * 200, 2000),
    });
    this.connection.on('error', () => undefined);
  }

  /** Throws at once unless the connection is up: BullMQ calls on a queue not yet initialised would wait for Redis. */
  assertConnected(): void {
    if (this.connection.status !== 'ready') throw new Error(`Redis is not reachable (connection ${this.connection.status})`);
  }

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
