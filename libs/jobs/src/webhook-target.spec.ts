import { addressRefusal, vetWebhookTarget } from './webhook-target';

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook targets', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    '::',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
  ])('refuses %s whatever the loopback setting', (address) => {
    expect(addressRefusal(address, true)).not.toBeNull();
    expect(addressRefusal(address, false)).not.toBeNull();
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('allows loopback %s only when the setting does', (address) => {
    expect(addressRefusal(address, false)).toMatch(/loopback/);
    expect(addressRefusal(address, true)).toBeNull();
  });

  // IPv6 forms that carry an IPv4 address a translator, relay or tunnel would reach (169.254.169.254 = a9fe:a9fe).
  it.each([
    ['::a9fe:a9fe', 'IPv4-compatible ::/96'],
    ['::169.254.169.254', 'IPv4-compatible, dotted'],
    ['::ffff:0:a9fe:a9fe', 'IPv4-translated ::ffff:0:0:0/96'],
    ['::ffff:0:0', 'IPv4-mapped 0.0.0.0'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 64:ff9b::/96'],
    ['64:ff9b::5db8:d70e', 'NAT64 of a public address'],
    ['64:ff9b:1:a9fe:a9:fe00::', 'NAT64 64:ff9b:1::/48 (RFC 6052 layout)'],
    ['64:ff9b:1::a9fe:a9fe', 'NAT64 64:ff9b:1::/48 (last 32 bits)'],
    ['2002:a9fe:a9fe::1', '6to4 2002::/16'],
    ['2002:5db8:d70e::1', '6to4 of a public address'],
    ['2001:0:a9fe:a9fe::1', 'Teredo server'],
    ['2001:0:5db8:d70e::5601:5601', 'Teredo client (inverted)'],
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['fec0::1', 'deprecated site-local'],
  ])('refuses %s (%s) whatever the loopback setting', (address) => {
    expect(addressRefusal(address, true)).not.toBeNull();
    expect(addressRefusal(address, false)).not.toBeNull();
  });

  it('names the embedded IPv4 address it refused', () => {
    expect(addressRefusal('10.0.0.1', false)).toBe('10.0.0.1 is a private, link-local or reserved address');
    expect(addressRefusal('2002:5db8:d70e::1', false)).toBe(
      '2002:5db8:d70e::1 is an IPv6 form of an IPv4 address (6to4): use the IPv4 address',
    );
    expect(addressRefusal('::a9fe:a9fe', false)).toMatch(/embeds the IPv4 address 169\.254\.169\.254/);
    expect(addressRefusal('2001:0:4136:e378:8000:63bf:5601:5601', false)).toMatch(/embeds the IPv4 address 169\.254\.169\.254/);
  });

  it('refuses a host name that resolves to an IPv6 form of a private address at connect time', async () => {
    await expect(
      vetWebhookTarget('https://crm.example.com/hook', { allowLoopback: true, resolve: resolvesTo('::a9fe:a9fe') }),
    ).rejects.toThrow(/resolves to ::a9fe:a9fe embeds/);
    await expect(vetWebhookTarget('http://[64:ff9b:1::a9fe:a9fe]/', { allowLoopback: true })).rejects.toThrow(/embeds/);
  });

  it('allows public addresses', () => {
    expect(addressRefusal('93.184.215.14', false)).toBeNull();
    expect(addressRefusal('2606:2800:21f:cb07:6820:80da:af6b:8b2c', false)).toBeNull();
    expect(addressRefusal('::ffff:93.184.215.14', false)).toBeNull();
  });

  it('checks every address a name resolves to', async () => {
    await expect(
      vetWebhookTarget('https://crm.example.com/hook', { allowLoopback: false, resolve: resolvesTo('93.184.215.14', '10.1.2.3') }),
    ).rejects.toThrow(/crm.example.com resolves to 10.1.2.3/);
    const ok = await vetWebhookTarget('https://crm.example.com/hook', { allowLoopback: false, resolve: resolvesTo('93.184.215.14') });
    expect(ok).toMatchObject({ address: '93.184.215.14', family: 4 });
  });

  it('refuses other schemes, credentials, metadata host names and names that do not resolve', async () => {
    const opts = { allowLoopback: true, resolve: resolvesTo('93.184.215.14') };
    await expect(vetWebhookTarget('ftp://crm.example.com/', opts)).rejects.toThrow(/https or http/);
    await expect(vetWebhookTarget('not a url', opts)).rejects.toThrow(/absolute/);
    await expect(vetWebhookTarget('https://user:pw@crm.example.com/', opts)).rejects.toThrow(/credentials/);
    await expect(vetWebhookTarget('http://metadata.google.internal/computeMetadata/v1/', opts)).rejects.toThrow(/metadata/);
    await expect(vetWebhookTarget('https://nowhere.example/', { allowLoopback: true, resolve: async () => [] })).rejects.toThrow(
      /does not resolve/,
    );
    await expect(vetWebhookTarget('http://[::ffff:169.254.169.254]/', opts)).rejects.toThrow(/private|link-local/);
  });
});
