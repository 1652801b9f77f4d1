import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_VERSION, finishOpenApiDocument } from './openapi';

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/health/live': { get: { responses: { '200': { description: '' } } } },
    '/things': {
      post: {
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } } },
        responses: { '201': { description: '' }, '401': { description: '' } },
      },
    },
    '/bare': {
      post: {
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '201': { description: '' }, '403': { description: '' } },
      },
    },
  },
  components: {
    schemas: {
      CreateThingDto: { type: 'object', properties: { name: { type: 'string' } }, example: { name: 'x' } },
      DiffDto: {
        type: 'object',
        properties: {
          counts: { type: 'object', required: ['summary', 'rootCauses'], additionalProperties: { type: 'number' } },
        },
      },
    },
  },
});

describe('finishOpenApiDocument', () => {
  const finished = finishOpenApiDocument(document());
  const ops = finished.paths as Record<string, Record<string, Record<string, unknown>>>;

  it('marks an operation without security (a Public() one) as public and gives one without a 4xx answer its 400', () => {
    expect(ops['/health/live'].get.security).toEqual([]);
    expect(Object.keys(ops['/health/live'].get.responses as object)).toEqual(['200', '400']);
    expect(ops['/things'].post.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(ops['/things'].post.responses as object)).toEqual(['201', '401']);
  });

  it("shows the zod schema's example on its request body, and leaves a body without one bare (the lint then fails)", () => {
    const content = (op: Record<string, unknown>) => (op.requestBody as { content: Record<string, Record<string, unknown>> }).content;
    expect(content(ops['/things'].post)['application/json'].example).toEqual({ name: 'x' });
    expect(content(ops['/bare'].post)['application/json']).not.toHaveProperty('example');
  });

  it('names the required keys of a record of an enum as properties', () => {
    const counts = (finished.components?.schemas?.DiffDto as { properties: Record<string, Record<string, unknown>> }).properties.counts;
    expect(counts.properties).toEqual({ summary: { type: 'number' }, rootCauses: { type: 'number' } });
  });
});

describe('API_VERSION', () => {
  it('is the version of the SDK package', () => {
    const sdk = JSON.parse(readFileSync(path.join(__dirname, '../../../../libs/sdk/package.json'), 'utf8')) as { version: string };
    expect(sdk.version).toBe(API_VERSION);
  });
});
