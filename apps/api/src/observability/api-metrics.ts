import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * The API's Prometheus series (GET /metrics on the private METRICS_PORT). Requests are labelled by route template
 * ("/api/v1/cases/:id"), never by path, and nothing carries a tenant, user or case id.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'poa_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly requestSeconds = new Histogram({
    name: 'poa_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly redisCommands = new Counter({
    name: 'poa_redis_commands_total',
    help: 'Redis commands sent by the API (rate limits, idempotency, health)',
    labelNames: ['command'],
    registers: [this.registry],
  });
  private readonly redisSeconds = new Histogram({
    name: 'poa_redis_command_duration_seconds',
    help: 'Redis round trip of one command',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master;
    new Gauge({
      name: 'poa_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting: requests queued for a connection)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
      },
    });
  }

  request(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  /** Counts and times every command `redis` sends from now on. */
  watchRedis(redis: Redis): void {
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = ((command, stream) => {
      this.redisCommands.inc({ command: command.name });
      const done = this.redisSeconds.startTimer();
      const result = send(command, stream);
      const end = () => void done();
      command.promise.then(end, end);
      return result;
    }) as Redis['sendCommand'];
  }
}
