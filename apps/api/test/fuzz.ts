/**
 * fast-check arbitraries for requests to the API, derived from its OpenAPI document: for every operation a request
 * that is valid-ish (built from the schemas, with the ids of real seeded rows) and then mutated: wrong types, missing
 * and extra fields, huge and empty strings, NUL characters, deep nesting, out-of-range numbers and dates, crafted
 * cursors, bad enums and path parameters. Test-only module.
 */
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { type: 'json' | 'multipart'; schema: JsonSchema };
  secured: boolean;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: unknown[] }>
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/** What the seeded tenant offers: the ids a path parameter may take, every id, and real cursors of the lists. */
export interface FuzzContext {
  pathValues(path: string, param: string): string[];
  ids: string[];
  cursors: string[];
}

export interface FuzzRequest {
  /** "METHOD /path/{template}" of the operation. */
  operation: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** A JSON value (sent as JSON), raw text, or a multipart form. */
  body?:
    | { json: unknown }
    | { raw: string; contentType: string }
    | { form: { field: string; fileName: string; type: string; bytes: readonly number[] }[] };
  /** Which credential to send: resolved by the test. */
  auth: 'none' | 'owner' | 'apiKey' | 'portal' | 'junk';
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']
        ? { type: 'json' as const, schema: content['application/json'].schema }
        : content['multipart/form-data']
          ? { type: 'multipart' as const, schema: content['multipart/form-data'].schema }
          : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

const SOME_UUIDS = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-000000000000'];
/** Dates at and past the edges of PostgreSQL's and JavaScript's ranges, impossible days, odd offsets. */
const EDGE_DATES = [
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00+05:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-05:00',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-14T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+010000-01-01T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T00:00:00+23:59',
  '2026-01-01T00:00:00+15:59',
  '2026-01-01T00:00:00.123456789Z',
  '0000-01-01',
  '9999-12-31',
  '2026-02-29',
  '1970-01-01',
  '2026-13-01',
  '',
];
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e',
  '\ufeff',
  '%00',
  '%',
  '../../etc/passwd',
  "'; SELECT pg_sleep(1);--",
  '<script>x</script>',
  'null',
  'true',
  '-1',
  '0',
  '1e400',
  'NaN',
  '99999999999999999999',
  '1.5',
  '[]',
  '{}',
  '\\',
  '"',
  'x'.repeat(10_001),
  '\u4e2d'.repeat(20_001),
  ...SOME_UUIDS,
  ...EDGE_DATES,
];
const NASTY_NUMBERS = [0, -1, -0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308, 1e-300, 1_000_001];

/** Arrays nested `levels` deep around a value (bodies nested thousands deep are sent as raw text: see bodyArbitrary). */
const nest = (value: unknown, levels: number): unknown => {
  let nested = value;
  for (let i = 0; i < levels; i += 1) nested = [nested];
  return nested;
};

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }, JSON.parse('{"__proto__":{"admin":true}}'), {
      constructor: { prototype: 1 },
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(5, 31, 33, 200).map((levels) => nest('x', levels)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let resolved = schema;
  while (resolved.$ref) resolved = doc.components.schemas[resolved.$ref.replace('#/components/schemas/', '')];
  return resolved;
}

function patternString(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern), { size: 'small' });
  } catch {
    return fc.string();
  }
}

/** A value that mostly satisfies the schema (strings and arrays kept short). */
function validish(doc: OpenApiDocument, ctx: FuzzContext, input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, input);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => validish(doc, ctx, v, depth)));
  if (schema.allOf) return validish(doc, ctx, schema.allOf[0], depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  const arbitraries = types.map((type) => typed(doc, ctx, schema, type, depth));
  if (schema.nullable) arbitraries.push(fc.constant(null));
  return arbitraries.length === 1 ? arbitraries[0] : fc.oneof(...arbitraries);
}

function typed(doc: OpenApiDocument, ctx: FuzzContext, schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = Math.min(schema.maximum ?? 1000, min + 1_000_000);
      return type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
    }
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      const items = schema.items && depth < 6 ? validish(doc, ctx, schema.items, depth + 1) : fc.string();
      return fc.array(items, { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (depth >= 6) return fc.constant({});
      const shape = Object.fromEntries(properties.map(([key, value]) => [key, validish(doc, ctx, value, depth + 1)]));
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    default:
      return stringFor(ctx, schema);
  }
}

function stringFor(ctx: FuzzContext, schema: JsonSchema): fc.Arbitrary<string> {
  const dates = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ctx.ids) }, fc.uuid());
    case 'date-time':
      return fc.oneof({ weight: 5, arbitrary: dates.map((d) => d.toISOString()) }, fc.constantFrom(...EDGE_DATES));
    case 'date':
      return fc.oneof({ weight: 5, arbitrary: dates.map((d) => d.toISOString().slice(0, 10)) }, fc.constantFrom(...EDGE_DATES));
    case 'email':
      return fc.emailAddress();
    case 'binary':
      return fc.string();
  }
  if (schema.pattern) return patternString(schema.pattern);
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; at: number; value: unknown; key: string };
type Container = Record<string, unknown> | unknown[];

/** Sets an own property, even one named __proto__. */
function put(container: Container, key: string | number, value: unknown) {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every (container, key) of a JSON value held in box.root, the root itself first. */
function slots(box: { root: unknown }): { parent: Container; key: string | number }[] {
  const found: { parent: Container; key: string | number }[] = [];
  const walk = (parent: Container, key: string | number) => {
    found.push({ parent, key });
    const child = (parent as Record<string | number, unknown>)[key];
    if (child && typeof child === 'object')
      for (const k of Object.keys(child)) walk(child as Container, Array.isArray(child) ? Number(k) : k);
  };
  walk(box, 'root');
  return found;
}

function applyMutations(value: unknown, mutations: Mutation[]): unknown {
  const box = { root: structuredClone(value) };
  for (const { value: shared, ...m } of mutations) {
    // Constants are shared between samples: each insertion gets its own copy, so no value ever contains itself.
    const value = structuredClone(shared);
    const all = slots(box);
    const { parent, key } = all[m.at % all.length];
    const target = (parent as Record<string | number, unknown>)[key];
    if (m.kind === 'delete' && parent !== box) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'add' && Array.isArray(target)) {
      target.push(value);
    } else if (m.kind === 'add' && target && typeof target === 'object') {
      put(target as Container, m.key, value);
    } else {
      put(parent, key, value);
    }
  }
  return box.root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add'),
  at: fc.nat(),
  value: nastyValue,
  key: fc.constantFrom('extra', 'id', 'tenantId', '__proto__', 'constructor', ''),
});

/** Valid-ish values, and the same with one to three mutations (the usual case). */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, m]) => applyMutations(v, m)) },
  );
}

/** The value in one sample of `n`, null otherwise (fc.option's freq sets the odds of null instead). */
const oneIn = <T>(n: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Real cursors (of this list or another), and crafted ones: [sort value, id] pairs of every type, junk. */
function cursorArbitrary(ctx: FuzzContext): fc.Arbitrary<string> {
  const sortValue = fc.oneof(
    nastyValue,
    fc.constantFrom(...EDGE_DATES),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.bigInt().map(String),
  );
  const id = fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid(), fc.constantFrom('not-a-uuid', '------------------------------------', ''));
  return fc.oneof(
    { weight: 2, arbitrary: ctx.cursors.length > 0 ? fc.constantFrom(...ctx.cursors) : fc.constant('') },
    { weight: 4, arbitrary: fc.tuple(sortValue, id).map(base64url) },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue(), fc.tuple(sortValue, id, sortValue)).map(base64url) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.base64String(), fc.constantFrom(...NASTY_STRINGS)) },
  );
}

function stringified(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type QueryFocus =
  | { kind: 'none' }
  | { kind: 'param'; at: number; value: string; repeat: boolean }
  | { kind: 'extra'; name: string; value: string }
  | { kind: 'cursor'; value: string }
  | { kind: 'junk'; value: string };

/**
 * Query strings valid but for one thing at most, so the mutation reaches the code behind validation: one parameter
 * set to a nasty value (or sent twice), an extra parameter, a crafted cursor, or junk that does not even decode.
 */
function queryArbitrary(doc: OpenApiDocument, ctx: FuzzContext, params: Parameter[]): fc.Arbitrary<string> {
  const cursorAt = params.findIndex((p) => p.name === 'cursor');
  const valid = params.map((p) =>
    fc.option(p.name === 'cursor' ? fc.constantFrom(...ctx.cursors) : validish(doc, ctx, p.schema ?? {}).map(stringified), { freq: 2 }),
  );
  const nasty = (p: Parameter) => fc.oneof(nastyValue.map(stringified), mutated(validish(doc, ctx, p.schema ?? {})).map(stringified));
  const focus: fc.Arbitrary<QueryFocus> = fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        name: fc.constantFrom('extra', 'limit[0]', 'tenantId', '__proto__'),
        value: nastyValue.map(stringified),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('junk' as const),
        value: fc.constantFrom('%', '%E0%A4%A', 'a=%00', '&&&=', 'cursor=%FF%FE', 'limit=1&limit=2'),
      }),
    },
    ...(params.length > 0
      ? [
          {
            weight: 3,
            arbitrary: fc
              .nat(params.length - 1)
              .chain((at) =>
                fc.record({ kind: fc.constant('param' as const), at: fc.constant(at), value: nasty(params[at]), repeat: fc.boolean() }),
              ),
          },
        ]
      : []),
    ...(cursorAt >= 0 ? [{ weight: 5, arbitrary: fc.record({ kind: fc.constant('cursor' as const), value: cursorArbitrary(ctx) }) }] : []),
  );
  return fc.tuple(fc.tuple(...valid), focus).map(([values, f]) => {
    const chosen: (string | null)[] = [...values];
    if (f.kind === 'cursor') chosen[cursorAt] = f.value;
    if (f.kind === 'param') chosen[f.at] = f.value;
    const search = new URLSearchParams();
    params.forEach((p, i) => {
      if (chosen[i] === null) return;
      search.append(p.name, chosen[i]);
      if (f.kind === 'param' && f.at === i && f.repeat) search.append(p.name, chosen[i]);
    });
    if (f.kind === 'extra') search.append(f.name, f.value);
    return [search.toString(), f.kind === 'junk' ? f.value : ''].filter(Boolean).join('&');
  });
}

function pathArbitrary(ctx: FuzzContext, path: string, params: Parameter[]): fc.Arbitrary<string> {
  const names = params.filter((p) => p.in === 'path').map((p) => p.name);
  const values = names.map((name) => {
    const known = ctx.pathValues(path, name);
    const nasty = fc.oneof(
      fc.uuid(),
      fc.constantFrom(
        ...SOME_UUIDS,
        'not-a-uuid',
        '0',
        '-1',
        '1.5',
        '1e3',
        '99999999999',
        '2147483648',
        '%00',
        '%2e%2e',
        'a'.repeat(300),
        'null',
      ),
      fc.string({ minLength: 1, maxLength: 20 }),
    );
    return known.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, nasty) : nasty;
  });
  return fc
    .tuple(...values)
    .map((chosen) => names.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(chosen[i]).replace(/%25/g, '%')), path));
}

function bodyArbitrary(doc: OpenApiDocument, ctx: FuzzContext, op: Operation): fc.Arbitrary<FuzzRequest['body']> {
  if (op.body?.type === 'multipart') {
    const part = fc.record({
      field: fc.constantFrom('file', 'file', 'other', ''),
      fileName: fc.oneof(fc.constantFrom('evidence.pdf', 'a.png', '', '../x.pdf', 'a\u0000.pdf', 'x'.repeat(300)), fc.string()),
      type: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'application/octet-stream', ''),
      bytes: fc.oneof(fc.constant<readonly number[]>([...Buffer.from('%PDF-1.4\n%%EOF\n')]), fc.array(fc.nat(255), { maxLength: 64 })),
    });
    return fc.option(fc.record({ form: fc.array(part, { maxLength: 3 }) }), { freq: 8 }).map((b) => b ?? undefined);
  }
  const json = op.body ? mutated(validish(doc, ctx, op.body.schema)) : fc.oneof(fc.constant(undefined), nastyValue);
  return fc.oneof(
    { weight: 10, arbitrary: json.map((value) => (value === undefined ? undefined : { json: value })) },
    {
      weight: 1,
      arbitrary: fc.record({
        raw: fc.oneof(
          fc.constantFrom('{', '{"a":1,}', '', 'null', '"x"', `{"name":${'['.repeat(8000)}1${']'.repeat(8000)}}`, '['.repeat(9000)),
          fc.string(),
        ),
        contentType: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
        ),
      }),
    },
  );
}

/** Latin-1 without control characters: what fetch lets through in a header. */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)),
  maxLength: 300,
});

/** Every request arbitrary of one operation. */
export function requestArbitrary(
  doc: OpenApiDocument,
  ctx: FuzzContext,
  op: Operation,
  principal: FuzzRequest['auth'],
): fc.Arbitrary<FuzzRequest> {
  const auth: fc.Arbitrary<FuzzRequest['auth']> =
    principal === 'owner'
      ? fc.oneof(
          { weight: 8, arbitrary: fc.constant('owner' as const) },
          { weight: 2, arbitrary: fc.constant('apiKey' as const) },
          fc.constant('junk' as const),
        )
      : fc.oneof({ weight: 9, arbitrary: fc.constant(principal) }, fc.constant<FuzzRequest['auth']>('junk'));
  const headers = fc.record(
    {
      'idempotency-key': headerValue,
      'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
      'x-forwarded-for': fc.constantFrom('::a9fe:a9fe', '1.2.3.4, 5.6.7.8', 'junk'),
    },
    { requiredKeys: [] },
  );
  return fc.record({
    operation: fc.constant(`${op.method} ${op.path}`),
    method: fc.constant(op.method),
    path: pathArbitrary(ctx, op.path, op.parameters),
    query: queryArbitrary(
      doc,
      ctx,
      op.parameters.filter((p) => p.in === 'query'),
    ),
    headers: oneIn(10, headers).map((h) => h ?? {}),
    body: bodyArbitrary(doc, ctx, op),
    auth,
  });
}
