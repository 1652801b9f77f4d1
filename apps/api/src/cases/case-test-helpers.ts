/** The part of the test harness's Http the builders use (kept structural so the build never pulls in the harness). */
interface Http {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }>;
}

/** Builders shared by the cases, clients and attachments integration tests (test-only module). */
export async function createClient(http: Http, token: string, body: Record<string, unknown> = {}) {
  const res = await http.post('/api/v1/clients', { name: 'Acme Home Goods', sellerId: 'A1SELLER', marketplaces: ['US'], ...body }, token);
  if (res.status !== 201) throw new Error(`client: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string };
}

export async function createContact(http: Http, token: string, clientId: string, name = 'Jane Seller') {
  const res = await http.post(
    `/api/v1/clients/${clientId}/contacts`,
    { name, email: `${name.replace(/\W/g, '').toLowerCase()}-${Math.random().toString(36).slice(2)}@seller.test` },
    token,
  );
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; email: string };
}

export async function createCase(http: Http, token: string, clientId: string, body: Record<string, unknown> = {}) {
  const res = await http.post(
    '/api/v1/cases',
    {
      clientId,
      title: 'Listing removed for authenticity complaint',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B00TEST001'],
      noticeText: 'We received a complaint that ASIN B00TEST001 is inauthentic.',
      noticeReceivedAt: '2026-11-20T10:00:00.000Z',
      ...body,
    },
    token,
  );
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; reference: string; status: string };
}

export function draftBody(baseVersion: number, summary = 'Summary of the plan') {
  return {
    baseVersion,
    summary,
    rootCauses: [{ text: 'We bought 200 units from a liquidation lot without invoices from the brand.' }],
    correctiveActions: [{ text: 'We removed the 34 remaining units from sale on 2026-11-21.', completedAt: '2026-11-21' }],
    preventiveMeasures: [
      {
        text: 'Every supplier is verified against the brand registry before a purchase.',
        owner: 'Head of sourcing',
        startDate: '2026-11-22',
        frequency: 'every purchase order',
      },
    ],
    supportingDocuments: [],
  };
}

export async function transition(http: Http, token: string, caseId: string, body: Record<string, unknown>) {
  return http.post(`/api/v1/cases/${caseId}/transitions`, body, token);
}

/** Fails with the answer's body, which says more than "expected 200, got 409". */
export function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}

/** Reads tenant rows straight from PostgreSQL as the app role, under the tenant's row-level security (for what no endpoint shows). */
export async function queryAsTenant<T = Record<string, unknown>>(
  databaseUrl: string,
  tenantId: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query(text, params);
    await client.query('COMMIT');
    return rows as T[];
  } finally {
    await client.end();
  }
}
