import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForHttpOk } from './health';

describe('waitForHttpOk', () => {
  let answers: number[];
  const server = http.createServer((_req, res) => {
    res.statusCode = answers.shift() ?? 200;
    res.end(res.statusCode === 200 ? '{"status":"ok"}' : '{"status":"starting"}');
  });
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health/ready`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('waits through non-200 answers until a 200', async () => {
    answers = [503, 503];
    await waitForHttpOk(url, { timeoutMs: 5000, intervalMs: 10 });
    expect(answers).toEqual([]);
  });

  it('gives up after the timeout, naming the last answer', async () => {
    answers = Array(1000).fill(503);
    await expect(waitForHttpOk(url, { timeoutMs: 200, intervalMs: 10 })).rejects.toThrow(
      /did not answer 200 within 0 s \(last: HTTP 503: \{"status":"starting"\}\)/,
    );
  });

  it('stops waiting as soon as the abort reason says so', async () => {
    answers = Array(1000).fill(503);
    await expect(waitForHttpOk(url, { timeoutMs: 5000, abortReason: () => 'the api exited' })).rejects.toThrow(
      `the api exited while waiting for ${url}`,
    );
  });
});
