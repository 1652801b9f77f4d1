import type { IncomingMessage } from 'node:http';
import { metricsAuthorized } from './metrics-endpoint';

const req = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;

describe('metricsAuthorized', () => {
  it('lets anything through when no token is set (the port itself is private)', () => {
    expect(metricsAuthorized(req(), undefined)).toBe(true);
  });

  it('needs the exact bearer token when one is set', () => {
    const token = 'a-long-metrics-token-0123';
    expect(metricsAuthorized(req(`Bearer ${token}`), token)).toBe(true);
    expect(metricsAuthorized(req(), token)).toBe(false);
    expect(metricsAuthorized(req(`Bearer ${token}x`), token)).toBe(false);
    expect(metricsAuthorized(req(token), token)).toBe(false);
  });
});
