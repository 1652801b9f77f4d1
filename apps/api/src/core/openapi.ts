import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The API's version (info.version); the SDK package, libs/sdk/package.json, carries the same one (a unit test checks). */
export const API_VERSION = '1.0.0';

/** @nestjs/swagger's metadata key of the documented answers (in its `DECORATORS`, which the package does not export). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

/**
 * What every operation of the document must carry so that client generators (and `redocly lint`, static tier)
 * accept it, done here once rather than in each controller:
 * - before the document is built, a handler documented with errors only (`Can()` adds 401/403) gets its success
 *   answer (its `@HttpCode`, else 201 for POST and 200 otherwise), which Nest omits as soon as any answer is declared;
 * - afterwards, an operation without security (a `Public()` one) says `security: []`, an operation with no 4xx
 *   answer gets the 400 every endpoint can give, each request body shows the `example` of its zod schema
 *   (`.meta({ example })`: the lint fails on a body without one), and a schema whose required keys come from a
 *   record of an enum (`z.record(z.enum(...), ...)`) names them as properties.
 */
export function documentSuccessAnswers(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const prototype = (controller.metatype as { prototype?: Record<string, unknown> } | null)?.prototype;
      if (!prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const responses = Reflect.getMetadata(API_RESPONSE_METADATA, handler) as Record<string, object> | undefined;
        if (method === undefined || !responses || Object.keys(responses).some((status) => status.startsWith('2'))) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
        const success = { description: status === 204 ? 'Done (no body)' : 'Done' };
        Reflect.defineMetadata(API_RESPONSE_METADATA, { ...responses, [status]: success }, handler);
      }
    }
  }
}

const VALIDATION_FAILED =
  'VALIDATION_FAILED: details lists `{field, message}` per problem (any field of the body or query, malformed ids too)';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonObject>;
  const resolve = (schema: unknown): JsonObject | undefined => {
    if (!isObject(schema)) return undefined;
    const ref = schema.$ref;
    return typeof ref === 'string' ? schemas[ref.replace('#/components/schemas/', '')] : schema;
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as JsonObject[]) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      // Every route declares Can() (which names the bearer scheme) or Public(): an operation without security is public.
      operation.security ??= [];
      const responses = operation.responses;
      if (!Object.keys(responses).some((status) => status.startsWith('4'))) responses['400'] = { description: VALIDATION_FAILED };
      const content = isObject(operation.requestBody) && isObject(operation.requestBody.content) ? operation.requestBody.content : {};
      for (const media of Object.values(content)) {
        if (!isObject(media) || 'example' in media || 'examples' in media) continue;
        const example = resolve(media.schema)?.example;
        if (example !== undefined) media.example = example;
      }
    }
  }
  visitSchemas(document.components?.schemas, nameRecordKeys);
  return document;
}

/** `z.record(z.enum(keys), value)` gives `required: keys` with no properties: each key becomes a property of that value. */
function nameRecordKeys(schema: JsonObject): void {
  const { required, additionalProperties } = schema;
  if (!Array.isArray(required) || !isObject(additionalProperties)) return;
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const key of required) if (typeof key === 'string' && !(key in properties)) properties[key] = additionalProperties;
  schema.properties = properties;
}

function visitSchemas(node: unknown, visit: (schema: JsonObject) => void): void {
  if (Array.isArray(node)) node.forEach((item) => visitSchemas(item, visit));
  else if (isObject(node)) {
    visit(node);
    Object.values(node).forEach((item) => visitSchemas(item, visit));
  }
}
