/**
 * A CRM's nightly sync: upserts its accounts as clients and its ticket as a case (by the CRM's own ids, so any run,
 * with any API key of the agency, finds what an earlier run made), shows a retry replayed, and receives POA Desk's
 * webhooks, each verified against its signature.
 *
 *   POA_BASE_URL=https://poa.example.com POA_API_KEY=poa_... npx tsx crm-sync.ts
 *
 * The API key needs the scopes clients:write, cases:write and webhooks:manage. POA Desk must reach this script's
 * receiver (port WEBHOOK_PORT, default 4010) at WEBHOOK_PUBLIC_URL; locally, against a POA Desk started with
 * WEBHOOK_ALLOW_LOOPBACK=true, the default http://127.0.0.1:<port>/poa-webhooks works.
 */
import { createServer, type Server } from 'node:http';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the example imports the package the way a CRM would
import { createPoaClient, verifyWebhookSignature, type PoaErrorBody } from '@poa/sdk';

/** What a CRM export might look like: accounts, and a ticket with a revision that changes on every edit. */
const crmAccounts = [
  { crmId: 'acct-1001', company: 'Northwind Outlet', sellerId: 'A2NORTHWIND', marketplaces: ['US', 'CA'] as const },
  { crmId: 'acct-1002', company: 'Contoso Home', sellerId: 'A3CONTOSO', marketplaces: ['DE'] as const },
];
const crmTicket = {
  id: 'ticket-77',
  revision: 1,
  accountId: 'acct-1001',
  subject: 'Listing removed: inauthentic complaint',
  asins: ['B0ABCDE123'],
  amazonNotice: 'Customers reported that items you sold were inauthentic. ASIN: B0ABCDE123',
  noticeReceivedAt: '2026-11-02T09:30:00.000Z',
};

const poa = createPoaClient({ baseUrl: process.env.POA_BASE_URL ?? 'http://127.0.0.1:3000', token: process.env.POA_API_KEY });
const webhookPort = Number(process.env.WEBHOOK_PORT ?? 4010);
const webhookUrl = process.env.WEBHOOK_PUBLIC_URL ?? `http://127.0.0.1:${webhookPort}/poa-webhooks`;

function fail(what: string, error: PoaErrorBody | unknown): never {
  throw new Error(`${what}: ${JSON.stringify(error)}`);
}

/** PUT by your own id: creates the client the first time (201) and updates it afterwards (200). */
async function syncClients(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const account of crmAccounts) {
    const { data, error, response } = await poa.PUT('/api/v1/clients/by-external-id/{externalId}', {
      params: { path: { externalId: account.crmId } },
      body: { name: account.company, sellerId: account.sellerId, marketplaces: [...account.marketplaces] },
    });
    if (error || !data) fail(`upsert ${account.crmId}`, error);
    console.log(`client ${account.crmId}: ${data.id} (${response.status === 201 ? 'created' : 'updated'})`);
    ids.set(account.crmId, data.id);
  }
  return ids;
}

/**
 * PUT by the ticket id: opens the case the first time (201); afterwards answers it (200), updating the fields the
 * ticket owns (never the case's status, drafts or assignee). The body comes from the ticket alone (never the
 * clock), and the Idempotency-Key from the ticket's id and revision: a retry after a timeout gets the first answer
 * again, marked replayed, for 24 hours; an edited ticket has a new revision, so a new key.
 */
async function syncCase(clientId: string) {
  const { data, error, response } = await poa.PUT('/api/v1/cases/by-external-id/{externalId}', {
    params: { path: { externalId: crmTicket.id } },
    headers: { 'Idempotency-Key': `crm-${crmTicket.id}-rev-${crmTicket.revision}` },
    body: {
      clientId,
      title: crmTicket.subject,
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: crmTicket.asins,
      noticeText: crmTicket.amazonNotice,
      noticeReceivedAt: crmTicket.noticeReceivedAt,
    },
  });
  if (response.status === 429) console.log(`rate limited: retry in ${response.headers.get('retry-after')} s`);
  if (error || !data) fail(`upsert case ${crmTicket.id}`, error);
  const how = response.headers.get('idempotent-replayed') ? 'replayed' : response.status === 201 ? 'created' : 'existing';
  console.log(`case ${data.reference} for ${crmTicket.id}: ${data.status} (${how})`);
  return { data, created: response.status === 201 && how === 'created' };
}

/**
 * Registers this script's receiver; the signing secret is shown only in this answer. A CRM registers once and keeps
 * the secret; this script registers for its run, so it first removes what an earlier run left at the same URL.
 */
async function registerWebhook(): Promise<{ id: string; secret: string }> {
  const { data: list, error: listError } = await poa.GET('/api/v1/webhooks');
  if (listError || !list) fail('list webhooks', listError);
  for (const old of list.data.filter((hook) => hook.url === webhookUrl)) {
    await poa.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: old.id } } });
  }
  const { data, error } = await poa.POST('/api/v1/webhooks', {
    body: { url: webhookUrl, events: ['case.created', 'case.status_changed', 'case.approved', 'pdf.ready'] },
  });
  if (error || !data) fail('register webhook', error);
  return { id: data.id, secret: data.secret };
}

interface CaseEvent {
  id: string;
  type: string;
  data: { case: { reference: string; status: string } };
}

/** Verifies X-PoaDesk-Signature over the raw body before trusting an event; answers 2xx fast (else POA Desk retries). */
function startReceiver(secret: string, onEvent: (event: CaseEvent) => void): Promise<Server> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', async () => {
      const valid = await verifyWebhookSignature(secret, req.headers['x-poadesk-signature'] as string | undefined, raw, 300);
      if (!valid) return void res.writeHead(400).end('bad signature');
      res.writeHead(204).end();
      const event = JSON.parse(raw) as CaseEvent;
      // Deliveries may repeat (retries, redeliveries): deduplicate on event.id (or X-PoaDesk-Delivery).
      if (seen.has(event.id)) return;
      seen.add(event.id);
      console.log(`webhook ${event.type}: ${event.data.case.reference} is ${event.data.case.status} (signature verified)`);
      onEvent(event);
    });
  });
  return new Promise((resolve) => server.listen(webhookPort, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const webhook = await registerWebhook();
  let caseCreated: (event: CaseEvent) => void = () => undefined;
  const delivered = new Promise<CaseEvent>((resolve) => (caseCreated = resolve));
  const receiver = await startReceiver(webhook.secret, (event) => event.type === 'case.created' && caseCreated(event));
  try {
    const clients = await syncClients();
    const first = await syncCase(clients.get(crmTicket.accountId)!);
    // A retry of the same request, as after a timeout: the same answer, and still one case.
    const retry = await syncCase(clients.get(crmTicket.accountId)!);
    if (retry.data.id !== first.data.id) throw new Error('the retry opened a second case');
    if (first.created) {
      // This run opened the case: wait for POA Desk to deliver its case.created here.
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no case.created delivery within 60 s')), 60_000).unref(),
      );
      await Promise.race([delivered, timeout]);
    }
  } finally {
    await poa.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } });
    receiver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
