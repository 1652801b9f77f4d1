/**
 * Syncs a CRM's clients into POA Desk, opens a case for one of them, and receives POA Desk's webhooks.
 *
 *   POA_BASE_URL=http://localhost:3000 POA_API_KEY=poa_... npx tsx libs/sdk/examples/crm-sync.ts
 *
 * The API key needs the scopes clients:write, cases:write and webhooks:manage.
 * Set WEBHOOK_PUBLIC_URL to a URL where POA Desk reaches this script's receiver (port 4010); locally,
 * with WEBHOOK_ALLOW_LOOPBACK=true, the default http://127.0.0.1:4010/poa-webhooks works.
 */
import { createServer } from 'node:http';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the example imports the package the way a CRM would
import { createPoaClient, verifyWebhookSignature, type PoaErrorBody } from '@poa/sdk';

/** What a CRM export might look like. */
const crmAccounts = [
  { crmId: 'acct-1001', company: 'Northwind Outlet', sellerId: 'A2NORTHWIND', marketplaces: ['US', 'CA'] as const },
  { crmId: 'acct-1002', company: 'Contoso Home', sellerId: 'A3CONTOSO', marketplaces: ['DE'] as const },
];

const poa = createPoaClient({ baseUrl: process.env.POA_BASE_URL ?? 'http://localhost:3000', token: process.env.POA_API_KEY });

function fail(what: string, error: PoaErrorBody | unknown): never {
  throw new Error(`${what}: ${JSON.stringify(error)}`);
}

/** PUT by your own id: creates the client the first time (201) and updates it afterwards (200); safe to run again. */
async function syncClients(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const account of crmAccounts) {
    const { data, error } = await poa.PUT('/api/v1/clients/by-external-id/{externalId}', {
      params: { path: { externalId: account.crmId } },
      body: { name: account.company, sellerId: account.sellerId, marketplaces: [...account.marketplaces] },
    });
    if (error || !data) fail(`upsert ${account.crmId}`, error);
    ids.set(account.crmId, data.id);
  }
  return ids;
}

/**
 * Creates a case. The Idempotency-Key derives from the CRM ticket, so a retry after a timeout (or a second run)
 * returns the first answer instead of opening a second case; the case's externalId ties it to the ticket too.
 */
async function openCase(clientId: string, crmTicketId: string) {
  const { data, error, response } = await poa.POST('/api/v1/cases', {
    headers: { 'Idempotency-Key': `crm-ticket-${crmTicketId}` },
    body: {
      clientId,
      externalId: crmTicketId,
      title: 'Listing removed: inauthentic complaint',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B0ABCDE123'],
      noticeText: 'Customers reported that items you sold were inauthentic. ASIN: B0ABCDE123',
      noticeReceivedAt: new Date().toISOString(),
    },
  });
  if (response.status === 429) console.log(`rate limited: retry in ${response.headers.get('retry-after')} s`);
  if (error || !data) fail('create case', error);
  console.log(`case ${data.reference} (${response.headers.get('idempotent-replayed') ? 'replayed' : 'created'})`);
  return data;
}

/** Registers this script's receiver; keep the secret to verify deliveries (it is shown only here). */
async function registerWebhook(url: string): Promise<string> {
  const { data, error } = await poa.POST('/api/v1/webhooks', {
    body: { url, events: ['case.created', 'case.status_changed', 'case.approved', 'pdf.ready'] },
  });
  if (error || !data) fail('register webhook', error);
  return data.secret;
}

/** Verifies X-PoaDesk-Signature over the raw body before trusting an event; answers 2xx fast (else POA Desk retries). */
function startReceiver(secret: string) {
  return createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', async () => {
      const valid = await verifyWebhookSignature(secret, req.headers['x-poadesk-signature'] as string | undefined, raw, 300);
      if (!valid) return void res.writeHead(400).end('bad signature');
      const event = JSON.parse(raw) as { id: string; type: string; data: { case: { reference: string; status: string } } };
      // Deliveries may repeat (retries, redeliveries): deduplicate on event.id or X-PoaDesk-Delivery.
      console.log(`${event.type}: ${event.data.case.reference} is ${event.data.case.status}`);
      res.writeHead(204).end();
    });
  }).listen(4010, '127.0.0.1');
}

async function main() {
  const secret = await registerWebhook(process.env.WEBHOOK_PUBLIC_URL ?? 'http://127.0.0.1:4010/poa-webhooks');
  const receiver = startReceiver(secret);
  const clients = await syncClients();
  await openCase(clients.get('acct-1001')!, 'ticket-77');
  await openCase(clients.get('acct-1001')!, 'ticket-77'); // same key, same body: the same case again
  setTimeout(() => receiver.close(), 10_000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
