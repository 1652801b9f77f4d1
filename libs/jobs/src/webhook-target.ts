import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. Checked when an endpoint is created or changed, and again by the worker right
 * before each attempt, after DNS resolution; the worker then connects to the vetted address itself (no second
 * look-up an attacker's DNS could answer differently).
 */
export class WebhookTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetError';
  }
}

export interface VettedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.com',
]);

const v4 = (bytes: number[]) => ipaddr.IPv4.parse(bytes.join('.'));

/**
 * The IPv4 addresses an IPv6 address carries and that a relay, translator or tunnel would reach: IPv4-compatible
 * (::/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96 and 64:ff9b:1::/48, RFC 6052 layout), 6to4
 * (2002::/16) and Teredo (2001::/32: the server, and the client stored inverted). IPv4-mapped addresses are
 * converted before this and never reach it.
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const b = address.toByteArray();
  const range = address.range();
  const last32 = v4(b.slice(12));
  if (range === 'rfc6145' || (range === 'unicast' && b.slice(0, 12).every((x) => x === 0))) return [last32];
  // 64:ff9b::/96 ends with the IPv4 address; under the /48 prefix RFC 6052 puts it in bits 48-63 and 72-87 (skipping
  // the "u" octet), and a translator may still use the last 32 bits: both are checked.
  if (range === 'rfc6052') return b[5] === 0 ? [last32] : [v4([b[6], b[7], b[9], b[10]]), last32];
  if (range === '6to4') return [v4(b.slice(2, 6))];
  if (range === 'teredo') return [v4(b.slice(4, 8)), v4(b.slice(12).map((x) => x ^ 0xff))];
  return [];
}

/** Why an address may not receive webhooks, or null when it may: only globally routable unicast (and loopback when allowed). */
export function addressRefusal(address: string, allowLoopback: boolean): string | null {
  if (isIP(address) === 0) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  // ::ffff:a.b.c.d is the IPv4 host itself (how a dual-stack socket reaches it): judged as that address.
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  const range = parsed.range();
  if (range === 'loopback') return allowLoopback ? null : `${address} is a loopback address`;
  const embedded = parsed instanceof ipaddr.IPv6 ? embeddedIpv4(parsed) : [];
  for (const inner of embedded) {
    const refusal = addressRefusal(inner.toString(), false);
    if (refusal) return `${address} embeds the IPv4 address ${inner.toString()}: ${refusal}`;
  }
  if (embedded.length > 0)
    return `${address} is an IPv6 form of an IPv4 address (${range === 'unicast' ? 'IPv4-compatible' : range}): use the IPv4 address`;
  if (range !== 'unicast') return `${address} is a private, link-local or reserved address`;
  return null;
}

const systemResolver: Resolver = async (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Parses and vets a webhook URL: http(s), no credentials, every resolved address public (or loopback when allowed). */
export async function vetWebhookTarget(raw: string, opts: { allowLoopback: boolean; resolve?: Resolver }): Promise<VettedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetError('must use https or http');
  if (url.username || url.password) throw new WebhookTargetError('must not carry credentials');
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (METADATA_HOSTS.has(host)) throw new WebhookTargetError(`${host} is a cloud metadata host`);

  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch {
      throw new WebhookTargetError(`${host} does not resolve`);
    }
    if (addresses.length === 0) throw new WebhookTargetError(`${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, opts.allowLoopback);
    if (refusal) throw new WebhookTargetError(isIP(host) ? refusal : `${host} resolves to ${refusal}`);
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
