import { Writable } from 'node:stream';
import { jobLogContext } from './job-context';
import { WorkerJsonLogger } from './json-logger';

describe('WorkerJsonLogger', () => {
  it('writes JSON lines; those written while a job runs carry its queue, job, tenant and trace ids', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const logger = new WorkerJsonLogger('info', sink);
    logger.log('starting', 'Worker');
    jobLogContext.run({ queue: 'pdf-render', jobId: 'render-final-1', tenantId: 't-1', traceId: 'abc' }, () =>
      logger.warn('slow render', 'PdfRenderProcessor'),
    );
    logger.debug('hidden at info level');
    logger.error('render failed', 'Error: boom\n    at render', 'PdfRenderer');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ level: 50, msg: 'render failed', err: { stack: 'Error: boom\n    at render' } });
    expect(lines[0]).toMatchObject({ level: 30, msg: 'starting', context: 'Worker', service: 'poa-desk-worker' });
    expect(lines[0]).not.toHaveProperty('jobId');
    expect(lines[1]).toMatchObject({
      level: 40,
      msg: 'slow render',
      queue: 'pdf-render',
      jobId: 'render-final-1',
      tenantId: 't-1',
      traceId: 'abc',
    });
  });
});
