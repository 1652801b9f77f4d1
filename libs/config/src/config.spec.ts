import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives working developer defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\/poa_app/);
    expect(config.WEBHOOK_ALLOW_LOOPBACK).toBe(false);
    expect(config.OUTBOX_SWEEP_MS).toBe(60_000);
  });

  it('names each malformed variable and what it expects', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: expected a postgres:// URL (got "mysql://x")');
    }
  });

  it('refuses an outbox sweep interval that is not a whole number of at least 100 ms', () => {
    expect(loadConfig({ OUTBOX_SWEEP_MS: '5000' }).OUTBOX_SWEEP_MS).toBe(5000);
    expect(() => loadConfig({ OUTBOX_SWEEP_MS: '10' })).toThrow(/OUTBOX_SWEEP_MS/);
    expect(() => loadConfig({ OUTBOX_SWEEP_MS: 'often' })).toThrow(/OUTBOX_SWEEP_MS/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production/);
  });

  it('keeps the development mailbox off unless asked, and refuses it in production', () => {
    expect(loadConfig({}).DEV_MAILBOX).toBe(false);
    expect(loadConfig({ DEV_MAILBOX: 'true' }).DEV_MAILBOX).toBe(true);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };
    expect(loadConfig(production).DEV_MAILBOX).toBe(false);
    expect(() => loadConfig({ ...production, DEV_MAILBOX: 'true' })).toThrow(/DEV_MAILBOX: must not be true in production/);
    expect(() => loadConfig({ DEV_MAILBOX: 'yes' })).toThrow(/DEV_MAILBOX/);
  });

  it('requires the S3 settings when S3 storage is chosen', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET: is required/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
  });

  it('takes IPs, CIDRs and Express keywords, comma-separated', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 , 192.0.2.7' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it.each(['true', '1', 'anywhere', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', 'example.com'])('refuses %s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: expected IPs, CIDRs/);
  });
});
