import { detectDeadlineHours, detectMarketplace, guessViolationType, parseNotice } from './notice-parser';

const AUTHENTICITY_NOTICE_UK = `From: seller-performance@amazon.co.uk
Subject: Your Amazon.co.uk selling account

Hello,

We are reaching out because we received customer complaints that the items listed below are inauthentic.
Your selling privileges have been removed and your listings have been deactivated.

ASIN: B07XJ8C8F5 - Wireless Earbuds
ASIN: b08n5wrwnw - Charging Case
ASIN: B07XJ8C8F5

Orders concerned: 026-1234567-7654321, 204-9988776-5544332, 026-1234567-7654321

To reactivate your account, send us a plan of action and invoices from your supplier dated within the last 365 days.
You can appeal via https://sellercentral-europe.amazon.com/performance/dashboard

Seller Performance Team
Amazon.co.uk`;

const LATE_SHIPMENT_NOTICE_US = `Hello from Amazon,

Your Late Shipment Rate (LSR) is 7.84%, which is above our target of 4%.
Late shipment rate is the number of seller-fulfilled orders with a ship confirmation after the expected ship date,
for example order 113-4455667-8899001.

Your selling privileges on Amazon.com have been deactivated.

How do I reactivate my account?
Please submit a plan of action within 17 days. Your plan should explain the root cause of the late shipments,
the actions you have taken and the steps you will take to prevent them.

Sincerely,
Seller Performance Team
https://sellercentral.amazon.com/gp/help/external/200205260`;

const RESTRICTED_NOTICE_DE = `Guten Tag / Hello,

We identified the following listings in the Germany store as potential pesticides under our Restricted Products policy:
the detail pages claim the products are "antimicrobial" and "kills 99.9% of bacteria".

ASIN B09ABCDEF1
ASIN B0C1234XYZ

These listings have been removed from www.amazon.de. If you do not send a plan of action within 72 hours,
your account may be deactivated. Remove the pesticide claims, do not just set the listing out of stock.`;

describe('parseNotice', () => {
  it('reads an inauthentic complaint from the UK', () => {
    expect(parseNotice(AUTHENTICITY_NOTICE_UK)).toEqual({
      asins: ['B07XJ8C8F5', 'B08N5WRWNW'],
      orderIds: ['026-1234567-7654321', '204-9988776-5544332'],
      marketplace: 'UK',
      violationType: 'product_authenticity',
    });
  });

  it('reads a late shipment notice from the US', () => {
    expect(parseNotice(LATE_SHIPMENT_NOTICE_US)).toEqual({
      asins: [],
      orderIds: ['113-4455667-8899001'],
      marketplace: 'US',
      violationType: 'late_shipment_rate',
      dueInHours: 17 * 24,
    });
  });

  it('reads a restricted products notice from Germany', () => {
    expect(parseNotice(RESTRICTED_NOTICE_DE)).toEqual({
      asins: ['B09ABCDEF1', 'B0C1234XYZ'],
      orderIds: [],
      marketplace: 'DE',
      violationType: 'restricted_products',
      dueInHours: 72,
    });
  });

  it('returns empty lists and no guesses for unrelated text', () => {
    expect(parseNotice('Thanks for your email, see you tomorrow.')).toEqual({ asins: [], orderIds: [] });
  });

  it('ignores near-misses of ASINs and order ids', () => {
    const result = parseNotice('B0123 B01234567890 A0B1C2D3E4 12-1234567-1234567 1234-1234567-1234567');
    expect(result.asins).toEqual([]);
    expect(result.orderIds).toEqual([]);
  });
});

describe('detectMarketplace', () => {
  it.each([
    ['Visit amazon.co.uk today', 'UK'],
    ['listed on www.amazon.de.', 'DE'],
    ['https://www.amazon.co.jp/dp/B07XJ8C8F5', 'JP'],
    ['sold on amazon.com', 'US'],
    ['sold on amazon.com.mx', 'MX'],
    ['sold on Amazon.com.au and nowhere else', 'AU'],
    ['Amazon.fr', 'FR'],
    ['see https://sellercentral-japan.amazon.com/', 'JP'],
    ['on the United Kingdom marketplace', 'UK'],
    ['on the IN marketplace', 'IN'],
    ['Amazon Japan has received a report', 'JP'],
  ])('%s -> %s', (text, code) => {
    expect(detectMarketplace(text)).toBe(code);
  });

  it('prefers a national domain over amazon.com', () => {
    expect(detectMarketplace('help at amazon.com/help; your store amazon.it')).toBe('IT');
  });

  it('does not take European Seller Central for the US', () => {
    expect(detectMarketplace('https://sellercentral-europe.amazon.com/')).toBeUndefined();
  });

  it('does not read lower-case words as codes', () => {
    expect(detectMarketplace('we sell in marketplace channels')).toBeUndefined();
    expect(detectMarketplace('amazonia.com')).toBeUndefined();
  });
});

describe('guessViolationType', () => {
  it.each([
    ['customers said the item was counterfeit', 'product_authenticity'],
    ['your order defect rate is above 1%', 'order_defect_rate'],
    ['received a trademark complaint from the rights owner', 'intellectual_property'],
    ['a copyright infringement report', 'intellectual_property'],
    ['this may infringe a patent', 'intellectual_property'],
    ['intellectual property violation', 'intellectual_property'],
    ['listing a restricted product', 'restricted_products'],
    ['your account is related to another account', 'related_accounts'],
    ['we found related accounts that were suspended', 'related_accounts'],
    ['evidence of review manipulation', 'review_manipulation'],
    ['you attempted to manipulate customer reviews', 'review_manipulation'],
    ['customers received used sold as new items', 'product_condition'],
    ['complaints about the condition of items', 'product_condition'],
    ['your cancellation rate exceeds the target', 'cancellation_rate'],
    ['your valid tracking rate is below 95%', 'valid_tracking_rate'],
    ["no Children's Product Certificate was provided", 'product_safety'],
    ['deceptive activity violates our Code of Conduct', 'code_of_conduct'],
    ['keyword stuffing violates the listing policy', 'listing_policy'],
  ])('%s -> %s', (text, type) => {
    expect(guessViolationType(text)).toBe(type);
  });

  it('does not take any mention of a review for manipulation', () => {
    expect(guessViolationType('We reviewed your account and will review your appeal.')).toBeUndefined();
  });

  it('does not take terms and conditions for a condition complaint', () => {
    expect(guessViolationType('See our terms and conditions.')).toBeUndefined();
  });
});

describe('detectDeadlineHours', () => {
  it.each([
    ['send it within 17 days', 408],
    ['within 72 hours', 72],
    ['within the next 48 hours', 48],
    ['within 1 day', 24],
    ['no deadline here', undefined],
  ])('%s -> %s', (text, hours) => {
    expect(detectDeadlineHours(text)).toBe(hours);
  });
});
