import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

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

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", incl. the unspecified 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  ['169.254.0.0', 16], // link-local, incl. the cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['fc00::', 7], // unique local (incl. AWS's fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 can reach any IPv4 address
  ['2001:db8::', 32],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.com']);

/** An IPv4 address carried in an IPv4-mapped IPv6 address (::ffff:a.b.c.d or ::ffff:xxxx:xxxx), else null. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(?:0:)?(.+)$/i.exec(address);
  if (!m) return null;
  if (isIP(m[1]) === 4) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Why an address may not receive webhooks, or null when it may. */
export function addressRefusal(address: string, allowLoopback: boolean): string | null {
  const v4 = isIP(address) === 6 ? mappedIpv4(address) : null;
  if (v4) return addressRefusal(v4, allowLoopback);
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(address, type)) return allowLoopback ? null : `${address} is a loopback address`;
  if (forbidden.check(address, type)) return `${address} is a private, link-local or reserved address`;
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
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
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
