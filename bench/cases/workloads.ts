import { VIOLATION_TYPE_KEYS } from '@poa/domain';
import { Client } from 'pg';
import { pick } from '../lib/load';

/** One tenant's staff user and search terms taken from its own data. */
export interface BenchTenant {
  tenantId: string;
  name: string;
  userId: string;
  /** The first two words of one of its clients' names ("Cedar Beacon"): what staff type to find a client's cases. */
  clientTerms: string[];
  asins: string[];
  references: string[];
  /** Ids of 10 of its cases (the open-case workload). */
  caseIds: string[];
}

export interface Workload {
  key: string;
  description: string;
  path(tenant: BenchTenant): string;
  /** Only the API serves it (the bare servers answer the case list alone): measured against the compared build. */
  apiOnly?: boolean;
}

const enc = encodeURIComponent;
const FILTER_STATUSES = 'intake,drafting,internal_review';

export const WORKLOADS: Workload[] = [
  { key: 'list', description: 'page of 50, sorted by updatedAt desc', path: () => '/api/v1/cases?limit=50' },
  {
    key: 'filter',
    description: `status=${FILTER_STATUSES} & overdue=true & violationType=<random>`,
    path: () => `/api/v1/cases?limit=50&status=${FILTER_STATUSES}&overdue=true&violationType=${pick(VIOLATION_TYPE_KEYS)}`,
  },
  {
    key: 'search_client',
    description: 'q=<client name fragment, e.g. "cedar beacon">',
    path: (t) => `/api/v1/cases?limit=50&q=${enc(pick(t.clientTerms))}`,
  },
  { key: 'search_asin', description: 'q=<an ASIN of the tenant>', path: (t) => `/api/v1/cases?limit=50&q=${enc(pick(t.asins))}` },
  {
    key: 'search_reference',
    description: 'q=<a case reference, e.g. POA-2026-0123>',
    path: (t) => `/api/v1/cases?limit=50&q=${enc(pick(t.references))}`,
  },
  {
    key: 'open_case',
    description: 'GET /api/v1/cases/<id>: one case with its client, rounds, approval and PDF status (API builds only)',
    path: (t) => `/api/v1/cases/${pick(t.caseIds)}`,
    apiOnly: true,
  },
];

/** Reads every tenant's user and 10 search terms of each kind (as the superuser, before the measured part). */
export async function loadBenchTenants(adminDbUrl: string): Promise<BenchTenant[]> {
  const db = new Client({ connectionString: adminDbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{
      tenant_id: string;
      name: string;
      user_id: string;
      client_terms: string[];
      asins: string[];
      refs: string[];
      case_ids: string[];
    }>(`
      SELECT t.id AS tenant_id, t.name, u.id AS user_id,
        ARRAY(SELECT split_part(name, ' ', 1) || ' ' || split_part(name, ' ', 2) FROM clients WHERE tenant_id = t.id ORDER BY random() LIMIT 10) AS client_terms,
        ARRAY(SELECT asins[1] FROM cases WHERE tenant_id = t.id ORDER BY random() LIMIT 10) AS asins,
        ARRAY(SELECT reference FROM cases WHERE tenant_id = t.id ORDER BY random() LIMIT 10) AS refs,
        ARRAY(SELECT id::text FROM cases WHERE tenant_id = t.id ORDER BY random() LIMIT 10) AS case_ids
      FROM tenants t JOIN users u ON u.tenant_id = t.id ORDER BY t.name`);
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      name: r.name,
      userId: r.user_id,
      clientTerms: r.client_terms,
      asins: r.asins,
      references: r.refs,
      caseIds: r.case_ids,
    }));
  } finally {
    await db.end();
  }
}
