import { CASE_STATUSES, MARKETPLACE_CODES, VIOLATION_TYPES } from '@poa/domain';
import { Client, escapeLiteral } from 'pg';

export interface SeedOptions {
  tenants: number;
  casesPerTenant: number;
  clientsPerTenant: number;
  /** Adds one more tenant, "Bench Agency Big", with this many cases (clients in the same proportion). */
  bigTenantCases?: number;
}

export const BIG_TENANT_NAME = 'Bench Agency Big';

export interface SeedSummary {
  tenants: number;
  users: number;
  clients: number;
  cases: number;
  seconds: number;
}

const ADJECTIVES = [
  'Blue',
  'Summit',
  'Northern',
  'Golden',
  'Silver',
  'Evergreen',
  'Coastal',
  'Urban',
  'Bright',
  'Prairie',
  'Harbor',
  'Crimson',
  'Lucky',
  'Rapid',
  'Noble',
  'Cedar',
  'Maple',
  'Willow',
  'Atlas',
  'Orion',
];
const NOUNS = [
  'Fox',
  'Ridge',
  'Peak',
  'Harvest',
  'Anchor',
  'Falcon',
  'Lantern',
  'Meadow',
  'River',
  'Stone',
  'Beacon',
  'Harbor',
  'Orchard',
  'Pioneer',
  'Compass',
  'Summit',
  'Canyon',
  'Bridge',
  'Forge',
  'Prism',
];
const KINDS = [
  'Home Goods',
  'Outdoor Supply',
  'Kitchenware',
  'Pet Co',
  'Beauty',
  'Electronics',
  'Toys',
  'Apparel',
  'Fitness',
  'Garden',
  'Baby Care',
  'Auto Parts',
];
const SUFFIXES = ['LLC', 'Inc', 'Ltd', 'GmbH', 'Co'];
const PRODUCTS = [
  'silicone baking mats',
  'stainless steel water bottles',
  'bamboo cutting boards',
  'LED desk lamps',
  'yoga mats',
  'phone cases',
  'dog chew toys',
  'vitamin C serum',
  'wireless earbuds',
  'kids building blocks',
  'car seat covers',
  'garden hose nozzles',
  'resistance bands',
  'baby bottle warmers',
  'USB-C chargers',
  'scented candles',
  'hiking backpacks',
  'coffee grinders',
  'hair straighteners',
  'ceramic planters',
];

/** Status mix of a busy agency: most cases in progress or decided, a few closed. Cumulative thresholds. */
const STATUS_WEIGHTS: Record<(typeof CASE_STATUSES)[number], number> = {
  intake: 0.12,
  drafting: 0.2,
  internal_review: 0.1,
  client_review: 0.08,
  approved: 0.05,
  submitted: 0.15,
  reinstated: 0.15,
  denied: 0.05,
  more_info_requested: 0.05,
  closed: 0.05,
};

const textArray = (values: readonly string[]) => `ARRAY[${values.map(escapeLiteral).join(', ')}]::text[]`;
const pickFrom = (values: readonly string[]) => `(${textArray(values)})[1 + floor(random() * ${values.length})::int]`;

function statusCase(): string {
  let cumulative = 0;
  const arms = Object.entries(STATUS_WEIGHTS).map(([status, weight]) => {
    cumulative += weight;
    return `WHEN r.r_status < ${cumulative.toFixed(4)} THEN '${status}'`;
  });
  return `CASE ${arms.join(' ')} ELSE 'closed' END`;
}

/**
 * Seeds tenants, one staff user each, clients and cases with set-based SQL. Runs as the superuser on the
 * scratch database: the tables FORCE row-level security, so even their owner could not insert for 100 tenants
 * without setting each tenant in turn. search_text uses the exact expression of apps/api/src/cases/search-text.ts.
 */
export async function seedCases(adminDbUrl: string, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const db = new Client({ connectionString: adminDbUrl });
  await db.connect();
  try {
    await db.query('SELECT setseed(0.4242)');
    await db.query(`INSERT INTO tenants (id, name, branding)
      SELECT gen_random_uuid(), 'Bench Agency ' || lpad(g::text, 3, '0'), '{}'::jsonb FROM generate_series(1, ${opts.tenants}) g`);
    const big = opts.bigTenantCases ?? 0;
    if (big > 0) await db.query(`INSERT INTO tenants (id, name, branding) VALUES (gen_random_uuid(), '${BIG_TENANT_NAME}', '{}'::jsonb)`);
    // Cases and clients per tenant: the big tenant has more of both (a large agency has more clients, not larger ones).
    const bigClients = Math.max(opts.clientsPerTenant, Math.round((opts.clientsPerTenant * big) / opts.casesPerTenant));
    const perTenant = (normal: number, forBig: number) => `CASE WHEN t.name = '${BIG_TENANT_NAME}' THEN ${forBig} ELSE ${normal} END`;
    await db.query(`INSERT INTO users (id, tenant_id, email, name, role, status, token_version)
      SELECT gen_random_uuid(), t.id, 'staff+' || row_number() OVER (ORDER BY t.name) || '@bench.example', 'Staff of ' || t.name, 'admin', 'active', 0
      FROM tenants t`);
    await db.query(`INSERT INTO clients (id, tenant_id, name, seller_id, marketplaces, notes, created_at, updated_at)
      SELECT gen_random_uuid(), t.id,
        ${pickFrom(ADJECTIVES)} || ' ' || ${pickFrom(NOUNS)} || ' ' || ${pickFrom(KINDS)} || ' ' || ${pickFrom(SUFFIXES)},
        'A' || upper(substr(md5(random()::text), 1, 13)), ARRAY['US']::text[], '', now() - interval '400 days', now() - interval '1 day' * (random() * 300)
      FROM tenants t CROSS JOIN LATERAL generate_series(1, ${perTenant(opts.clientsPerTenant, bigClients)}) n`);

    // Bulk loading into a table with its indexes (a trigram GIN above all) is several times slower than building them
    // afterwards: drop the secondary indexes and recreate them from their exact definitions.
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
       WHERE indrelid = 'cases'::regclass AND NOT indisprimary`,
    );
    for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
    const keys = VIOLATION_TYPES.map((v) => v.key);
    const labels = VIOLATION_TYPES.map((v) => v.label);
    await db.query(`
      WITH cl AS MATERIALIZED (
        SELECT id, tenant_id, name, seller_id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS n FROM clients),
      r AS MATERIALIZED (
        SELECT t.id AS tenant_id, g AS seq, 1 + floor(random() * ${perTenant(opts.clientsPerTenant, bigClients)})::int AS client_n,
          random() AS r_status, random() AS r_assign, 1 + floor(random() * ${keys.length})::int AS v,
          ${pickFrom(PRODUCTS)} AS product,
          ${pickFrom(MARKETPLACE_CODES.slice(0, 6))} AS marketplace,
          ARRAY(SELECT 'B0' || upper(substr(md5(random()::text || g::text || k::text), 1, 8)) FROM generate_series(1, 1 + floor(random() * 3)::int + (g * 0)) k) AS asins,
          now() - interval '1 day' * (random() * 180) AS updated_at,
          now() + interval '1 day' * (random() * 60 - 25) AS due_at
        FROM tenants t CROSS JOIN LATERAL generate_series(1, ${perTenant(opts.casesPerTenant, big)}) g),
      s AS (
        SELECT r.*, ${statusCase()} AS status, (${textArray(keys)})[r.v] AS violation_type,
          (${textArray(labels)})[r.v] || ': ' || r.product AS title, 'POA-2026-' || CASE WHEN r.seq < 10000 THEN lpad(r.seq::text, 4, '0') ELSE r.seq::text END AS reference
        FROM r)
      INSERT INTO cases (id, tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_text, notice_received_at,
                         due_at, status, round, assignee_id, latest_version, search_text, created_at, updated_at)
      SELECT gen_random_uuid(), s.tenant_id, cl.id, s.reference, s.title, s.violation_type, s.marketplace, s.asins,
        'Hello, we have deactivated your selling privileges: ' || s.title || '. Submit a plan of action.',
        s.due_at - interval '17 days', s.due_at, s.status,
        CASE WHEN s.status = 'more_info_requested' THEN 2 ELSE 1 END,
        CASE WHEN s.r_assign < 0.6 THEN u.id END,
        CASE WHEN s.status = 'intake' THEN 0 ELSE 1 + floor(s.r_assign * 3)::int END,
        lower(concat_ws(' ', s.reference, s.title, cl.name, cl.seller_id, array_to_string(s.asins, ' '))),
        s.updated_at - interval '1 day' * (s.r_assign * 20), s.updated_at
      FROM s JOIN cl ON cl.tenant_id = s.tenant_id AND cl.n = s.client_n JOIN users u ON u.tenant_id = s.tenant_id`);
    await db.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await db.query(index.definition);
    await db.query(
      `INSERT INTO case_rounds (id, tenant_id, case_id, round, created_at) SELECT gen_random_uuid(), tenant_id, id, 1, created_at FROM cases`,
    );
    await db.query(
      `INSERT INTO case_counters (tenant_id, year, last_value) SELECT id, 2026, (SELECT count(*) FROM cases c WHERE c.tenant_id = tenants.id) FROM tenants`,
    );
    await db.query('VACUUM (ANALYZE) tenants, users, clients, cases, case_rounds, case_counters');
    const [counts] = (
      await db.query<{ tenants: number; users: number; clients: number; cases: number }>(
        `SELECT (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM users)::int AS users,
                (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM cases)::int AS cases`,
      )
    ).rows;
    return { ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await db.end();
  }
}
