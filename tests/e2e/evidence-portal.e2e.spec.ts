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
  fill,
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

/** Sets a field's value as the browser's own picker would (date inputs take no typing that is the same in every locale). */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (element, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(element, v);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

it('staff type what the invoice and the letter of authorisation say, saved as text, date, numbers and yes/no', async () => {
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'Typed Seller Ltd', marketplaces: ['US'] }, owner.token);
  const kase = await api<{ id: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Inauthentic complaint on the kettle',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B00EVID002'],
      noticeReceivedAt: new Date().toISOString(),
    },
    owner.token,
  );
  const invoiceItem = 'li.evidence-item[data-key="supplier_invoices"]';
  const letterItem = 'li.evidence-item[data-key="letter_of_authorization"]';
  const openDetails = async () => {
    await staff.goto(`${baseUrl}/cases/${kase.id}?tab=evidence`);
    await (await staff.waitForSelector(`${invoiceItem} summary::-p-text(What the invoice says)`, { visible: true }))!.click();
    await (await staff.waitForSelector(`${letterItem} summary::-p-text(What the letter says)`, { visible: true }))!.click();
  };
  await openDetails();

  await fill(staff, 'Supplier name', 'Acme Wholesale');
  await fill(staff, 'Supplier phone, e-mail or website', 'orders@acme.test');
  await setValue(staff, '#supplier_invoices-invoiceDate', '2026-03-15');
  await fill(staff, 'Units on the invoice', '120');
  await fill(staff, 'Units sold', '64');
  const invoiceSaved = staff.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/evidence/supplier_invoices/details'),
  );
  await (await staff.waitForSelector(`${invoiceItem} form.evidence-fields button[type="submit"]`))!.click();
  expect((await invoiceSaved).status()).toBe(200);
  await staff.waitForSelector(`${invoiceItem} [role="status"]::-p-text(Saved.)`);

  await fill(staff, 'Rights owner', 'Kettle Brand Inc');
  await staff.select('#letter_of_authorization-explicit', 'yes');
  const letterSaved = staff.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/evidence/letter_of_authorization/details'),
  );
  await (await staff.waitForSelector(`${letterItem} form.evidence-fields button[type="submit"]`))!.click();
  expect((await letterSaved).status()).toBe(200);
  await staff.waitForSelector(`${letterItem} [role="status"]::-p-text(Saved.)`);

  const { data } = await api<{ data: { key: string; invoice: unknown; authorisation: unknown }[] }>(
    'GET',
    `/api/v1/cases/${kase.id}/evidence`,
    undefined,
    owner.token,
  );
  expect(data.find((i) => i.key === 'supplier_invoices')?.invoice).toMatchObject({
    supplierName: 'Acme Wholesale',
    supplierAddress: null,
    supplierContact: 'orders@acme.test',
    invoiceDate: '2026-03-15',
    quantity: 120,
    unitsSold: 64,
  });
  expect(data.find((i) => i.key === 'letter_of_authorization')?.authorisation).toMatchObject({
    rightsOwner: 'Kettle Brand Inc',
    sellerName: null,
    explicit: true,
  });

  // Read back into the boxes after a reload.
  await openDetails();
  const valueOf = (selector: string) => staff.$eval(selector, (el) => (el as HTMLInputElement | HTMLSelectElement).value);
  expect(
    await Promise.all(
      [
        'supplier_invoices-supplierName',
        'supplier_invoices-invoiceDate',
        'supplier_invoices-quantity',
        'supplier_invoices-supplierAddress',
      ].map((id) => valueOf(`#${id}`)),
    ),
  ).toEqual(['Acme Wholesale', '2026-03-15', '120', '']);
  expect(await valueOf('#letter_of_authorization-explicit')).toBe('yes');
  expect(await valueOf('#letter_of_authorization-sellerName')).toBe('');
  expect(csp.violations.splice(0)).toEqual([]);
});

auditEveryVisitedPage();
