// What every request's input must satisfy before any route sees it, whatever its own schema forgot.
// Two layers, both in one place so that a new route is covered without thinking about it:
//  - bounds: each route's request schemas get safe defaults where they set none (integers within
//    PostgreSQL's int4, finite numbers, a length cap on strings and arrays), so a value the database
//    or the engines cannot hold is refused by validation instead of failing deep down as a 500;
//  - text: strings anywhere in the body, query or path are refused when they hold control characters
//    (a NUL byte cannot be stored by PostgreSQL at all) or broken UTF-16, and bodies nested deeper than
//    any of our schemas go are refused before validation walks them;
//  - numbers: after validation, a query or path number must be finite (see checkFiniteNumbers).
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../lib/errors.ts';

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
/** Larger than any figure the API deals in, and small enough to stay exact in a double. */
const NUMBER_LIMIT = 1e12;
/** A cap for strings whose schema sets none: far above any text field, far below the body limit. */
const BODY_STRING_MAX = 20_000;
const URL_STRING_MAX = 1_000;
const ARRAY_MAX = 10_000;
/** No request schema nests deeper than this; JSON nested further is refused before it is walked. */
export const MAX_JSON_DEPTH = 32;

/** C0 controls and DEL; tab, line feed and carriage return are allowed in bodies (notes, descriptions). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- as above
const URL_CONTROL = /[\u0000-\u001F\u007F]/;

type JsonSchema = Record<string, unknown>;

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Types a schema node allows (`type` may be a list). */
function typesOf(node: JsonSchema): string[] {
  const t = node.type;
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * A copy of a request schema with defaults for unbounded values. Route schemas are shared objects
 * (the contracts are also response schemas and web types), so the original is never changed.
 */
export function withSafeBounds(schema: unknown, place: 'body' | 'url'): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withSafeBounds(s, place));
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const key of Object.keys(schema)) {
    // `const`, `enum` and `default` hold values, not schemas.
    out[key] = key === 'const' || key === 'enum' || key === 'default' || key === 'examples' ? schema[key] : withSafeBounds(schema[key], place);
  }
  const types = typesOf(schema);
  if (types.includes('integer')) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT4_MIN;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT4_MAX;
  } else if (types.includes('number')) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = -NUMBER_LIMIT;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = NUMBER_LIMIT;
  }
  if (types.includes('string') && out.maxLength === undefined && out.enum === undefined && out.const === undefined && out.format === undefined) {
    out.maxLength = place === 'body' ? BODY_STRING_MAX : URL_STRING_MAX;
  }
  if (types.includes('array') && out.maxItems === undefined) out.maxItems = ARRAY_MAX;
  return out;
}

/** Adds the defaults to a route's request schemas as it is registered, before Fastify compiles them. */
function boundRoute(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema) return;
  if (schema.body) schema.body = withSafeBounds(schema.body, 'body');
  if (schema.querystring) schema.querystring = withSafeBounds(schema.querystring, 'url');
  if (schema.params) schema.params = withSafeBounds(schema.params, 'url');
}

function fieldName(path: Array<string | number>, fallback: string): string {
  if (path.length === 0) return fallback;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function refuse(reason: string, field: string, what: string): never {
  throw new AppError('validation_failed', `${field}: ${what}`, { field, reason });
}

/** Throws a field-named validation error for the first bad string or over-deep nesting in `value`. */
export function checkInputText(value: unknown, place: 'body' | 'url', root: string): void {
  const control = place === 'body' ? BODY_CONTROL : URL_CONTROL;
  const path: Array<string | number> = [];
  const checkString = (s: string) => {
    if (control.test(s)) refuse('control_character', fieldName(path, root), 'must not contain control characters');
    if (!s.isWellFormed()) refuse('invalid_unicode', fieldName(path, root), 'is not valid Unicode text');
  };
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') return checkString(v);
    if (typeof v !== 'object' || v === null) return;
    if (depth > MAX_JSON_DEPTH) refuse('too_deep', fieldName(path, root), `is nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        path.push(i);
        walk(item, depth + 1);
        path.pop();
      });
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      path.push(key);
      checkString(key);
      walk(item, depth + 1);
      path.pop();
    }
  };
  walk(value, 0);
}

/**
 * ajv coerces "1e309" in a query to Infinity and then skips its range checks for non-finite numbers,
 * so after validation any non-finite number is refused here, naming its field.
 */
export function checkFiniteNumbers(value: unknown, root: string): void {
  const path: Array<string | number> = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'number' && !Number.isFinite(v)) refuse('out_of_range', fieldName(path, root), 'must be a finite number');
    if (typeof v !== 'object' || v === null || depth > MAX_JSON_DEPTH) return;
    for (const [key, item] of Object.entries(v)) {
      path.push(Array.isArray(v) ? Number(key) : key);
      walk(item, depth + 1);
      path.pop();
    }
  };
  walk(value, 0);
}

export function installInputGuard(app: FastifyInstance): void {
  // The API reads JSON only: a text/plain body (what a cross-site HTML form can send without a
  // preflight) is a 415, not a string handed to the route's validation.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRoute', boundRoute);
  app.addHook('preValidation', async (req: FastifyRequest) => {
    checkInputText(req.params, 'url', 'params');
    checkInputText(req.query, 'url', 'query');
    if (req.body !== undefined) checkInputText(req.body, 'body', 'body');
  });
  app.addHook('preHandler', async (req: FastifyRequest) => {
    checkFiniteNumbers(req.params, 'params');
    checkFiniteNumbers(req.query, 'query');
  });
}
