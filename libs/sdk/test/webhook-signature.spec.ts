import { createHmac } from 'node:crypto';
import { verifyWebhookSignature } from '../src/webhook-signature';

const secret = 'whsec_test';
const body = '{"id":"e1","type":"case.created"}';
const sign = (t: number, raw = body, key = secret) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${raw}`).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  const now = 1_800_000_000;

  it('accepts a signature made with the secret over "<t>.<raw body>"', async () => {
    expect(await verifyWebhookSignature(secret, sign(now), body, 300, now)).toBe(true);
  });

  it('refuses another body, another secret, an old timestamp and malformed headers', async () => {
    expect(await verifyWebhookSignature(secret, sign(now), body + ' ', 300, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, sign(now, body, 'whsec_other'), body, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, sign(now - 301), body, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, 'garbage', body, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, `t=${now},v1=zz`, body, 300, now)).toBe(false);
    expect(await verifyWebhookSignature(secret, undefined, body, 300, now)).toBe(false);
  });
});
