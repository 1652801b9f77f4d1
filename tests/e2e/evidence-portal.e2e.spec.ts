/// <reference lib="dom" />
/**
 * Evidence the client supplies, in headless Chromium against the running product: a seller opens the portal link on
 * a 375 px phone, finds "Documents we need from you", uploads the supplier invoice the agency asked for, and the
 * staff case page shows the item provided (sent by the client) and what is still missing. axe-core on every screen,
 * screenshots at 1440 and 375 px in test-artifacts/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { expectNoAxeViolations } from './axe';
import {
  api,
  artifactsDir,
  baseUrl,
  button,
  checkScreen,
  csp,
  launchBrowser,
  newStaffPage,
  PHONE,
  signUpInBrowser,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(300_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let browser: Browser;
let staff: Page;
let owner: Agency;

async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout, polling: 250 }, text);
}

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await newStaffPage(browser);
  owner = await signUpInBrowser(staff, `Evidence Agency ${run}`, 'Eve Evidence');
});

afterAll(async () => {
  await browser?.close();
});

it('the seller uploads a requested invoice from a phone and the staff case page shows it provided', async () => {
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'Phone Seller Ltd', marketplaces: ['US'] }, owner.token);
  const contact = await api<{ id: string }>(
    'POST',
    `/api/v1/clients/${client.id}/contacts`,
    { name: 'Pat Phone', email: `pat-${run}@seller.test` },
    owner.token,
  );
  const kase = await api<{ id: string; reference: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Inauthentic complaint on the travel mug',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B00EVID001'],
      noticeReceivedAt: new Date().toISOString(),
      assigneeId: owner.userId,
    },
    owner.token,
  );
  const link = await api<{ token: string }>('POST', `/api/v1/cases/${kase.id}/portal-links`, { contactId: contact.id }, owner.token);

  // The seller, on a phone.
  const seller = await csp.watch(await (await browser.createBrowserContext()).newPage());
  seller.setDefaultTimeout(30_000);
  await seller.setViewport(PHONE);
  await seller.goto(`${baseUrl}/portal/cases/${kase.id}?token=${encodeURIComponent(link.token)}`);
  await waitForText(seller, 'Documents we need from you');
  await waitForText(seller, 'Supplier invoices');
  await checkScreen(seller, 'evidence-portal-asked', (page) => waitForText(page, 'Documents we need from you'));
  await seller.setViewport(PHONE);

  const dir = mkdtempSync(path.join(tmpdir(), 'evidence-'));
  const invoice = path.join(dir, 'invoice-acme.pdf');
  writeFileSync(invoice, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const input = (await seller.waitForSelector('#document-supplier_invoices', { visible: true })) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(invoice);
  await (await seller.waitForSelector(button('Send supplier invoices'), { visible: true }))!.click();
  await waitForText(seller, 'invoice-acme.pdf was sent');
  await seller.waitForSelector('li[data-status="provided"]', { visible: true });
  await waitForText(seller, 'You sent: invoice-acme.pdf');
  await expectNoAxeViolations(seller, 'portal documents after the upload at 375 px');
  await checkScreen(seller, 'evidence-portal-sent', (page) => waitForText(page, 'You sent: invoice-acme.pdf'));

  // Staff: the case page says what is still missing and that the client sent the invoice.
  await staff.goto(`${baseUrl}/cases/${kase.id}?tab=evidence`);
  const invoiceRow = 'li.evidence-item[data-key="supplier_invoices"][data-status="provided"]';
  await staff.waitForSelector(invoiceRow, { visible: true });
  expect(await staff.$eval(invoiceRow, (el) => (el as HTMLElement).innerText)).toEqual(
    expect.stringContaining('invoice-acme.pdf (sent by the client)'),
  );
  await waitForText(staff, 'Still missing: Letter of authorization from the brand');
  await waitForText(staff, 'The client sent: Supplier invoices');
  await checkScreen(staff, 'evidence-staff-case', (page) => page.waitForSelector(invoiceRow, { visible: true }));

  // The assignee was told in the app.
  const notifications = await api<{ data: { kind: string; caseId: string }[] }>('GET', '/api/v1/notifications', undefined, owner.token);
  expect(notifications.data[0]).toMatchObject({ kind: 'evidence_received', caseId: kase.id });
  expect(csp.violations.splice(0)).toEqual([]);
  expect(artifactsDir).toBeTruthy();
});

auditEveryVisitedPage();
