// Validates HSDS records against the official compiled HSDS 3.0 schemas, with unknown fields rejected.
// Used by the tests (and available to tools) to prove the API and the file export stay within the standard.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type AnySchemaObject, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';

type AddFormats = typeof formatsModule;
// ajv-formats is CommonJS; depending on the loader the plugin is the module itself or its `default`.
const addFormats: AddFormats = (formatsModule as AddFormats & { default?: AddFormats }).default ?? formatsModule;

export const HSDS_SCHEMA_DIR = fileURLToPath(new URL('./schema/compiled/', import.meta.url));

/** The record shapes we can check; `location` is the self-contained location inside service_at_location.json. */
export type HsdsSchemaName =
  | 'organization'
  | 'service'
  | 'service_at_location'
  | 'location'
  | 'organization_list'
  | 'service_list'
  | 'service_at_location_list';

export interface HsdsValidationResult {
  valid: boolean;
  /** Readable messages such as `location.schedules[0].opens_at: unknown field "foo"`. */
  errors: string[];
}

export type HsdsRecordValidator = (record: unknown) => HsdsValidationResult;

export interface HsdsValidator {
  organization: HsdsRecordValidator;
  service: HsdsRecordValidator;
  serviceAtLocation: HsdsRecordValidator;
  location: HsdsRecordValidator;
  organizationList: HsdsRecordValidator;
  serviceList: HsdsRecordValidator;
  serviceAtLocationList: HsdsRecordValidator;
  validate(name: HsdsSchemaName, record: unknown): HsdsValidationResult;
}

/**
 * Keywords the HSDS schemas carry for their datapackage/tabular tooling. Registered as known annotation
 * keywords so ajv's strict mode stays on for everything else (a typo in a real keyword still fails).
 */
const HSDS_ANNOTATION_KEYWORDS = ['name', 'path', 'core', 'constraints', 'datapackage_metadata', 'order', 'example', 'tabular_required'];

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * HSDS marks dates and times only with `datapackage_type` (no JSON Schema `format`), so ajv would accept
 * any string. This keyword checks them: date = YYYY-MM-DD, time = HH:MM[:SS] with optional Z/offset
 * (the schedule docs ask for an offset), datetime = RFC 3339.
 */
const checkDatapackageType: SchemaValidateFunction = (type: unknown, data: unknown): boolean => {
  if (typeof data !== 'string') return true; // `type` reports non-strings
  let ok = true;
  let expected = '';
  if (type === 'date') {
    ok = isCalendarDate(data);
    expected = 'a date as YYYY-MM-DD';
  } else if (type === 'time') {
    ok = TIME.test(data);
    expected = 'a time as HH:MM or HH:MM:SS, optionally with Z or a UTC offset';
  } else if (type === 'datetime') {
    ok = DATE_TIME.test(data) && isCalendarDate(data.slice(0, 10));
    expected = 'an RFC 3339 date-time';
  }
  checkDatapackageType.errors = ok ? [] : [{ keyword: 'datapackage_type', message: `must be ${expected}`, params: { datapackage_type: type } }];
  return ok;
};

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_SINGLES = ['items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems'];

type JsonObject = Record<string, unknown>;
const isPlainObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function isObjectSchema(s: JsonObject): boolean {
  const type = s['type'];
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || isPlainObject(s['properties']);
}

interface Slot {
  value: JsonObject;
  set(next: JsonObject): void;
}

/**
 * The places in a schema that hold subschemas (as opposed to annotation values such as `example`, which
 * are data and must not be rewritten), each with a setter to replace what is there.
 */
function subschemaSlots(s: JsonObject): Slot[] {
  const slots: Slot[] = [];
  const inList = (list: unknown[]) => list.forEach((value, i) => {
    if (isPlainObject(value)) slots.push({ value, set: (next) => { list[i] = next; } });
  });
  for (const key of SUBSCHEMA_MAPS) {
    const map = s[key];
    if (!isPlainObject(map)) continue;
    for (const [name, value] of Object.entries(map)) if (isPlainObject(value)) slots.push({ value, set: (next) => { map[name] = next; } });
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = s[key];
    if (Array.isArray(list)) inList(list);
  }
  for (const key of SUBSCHEMA_SINGLES) {
    const value = s[key];
    if (Array.isArray(value)) inList(value); // draft-07 tuple `items`
    else if (isPlainObject(value)) slots.push({ value, set: (next) => { s[key] = next; } });
  }
  return slots;
}

/**
 * A deep copy of `schema` with `additionalProperties: false` on every object schema, nested ones included.
 * Upstream's schemas leave it unset, so unknown fields would otherwise pass silently; the upstream CI
 * closes them the same way.
 */
export function closeSchema<T>(schema: T): T {
  const copy = structuredClone(schema);
  const walk = (s: JsonObject): void => {
    for (const slot of subschemaSlots(s)) walk(slot.value);
    if (isObjectSchema(s)) s['additionalProperties'] = false;
  };
  if (isPlainObject(copy)) walk(copy);
  return copy;
}

/**
 * The compiled HSDS files inline the same sub-objects (metadata, attributes, phones, ...) hundreds of times,
 * and ajv generates code for every copy: compiling organization.json took many seconds. This moves each
 * object schema that occurs more than once into `definitions` and points the copies at it with `$ref`,
 * which validates identically (the copies are equal and contain no relative references) but is compiled
 * once. Mutates `schema`, which must be our own copy.
 */
export function hoistRepeatedSubschemas(schema: JsonObject): JsonObject {
  const idOf = new Map<JsonObject, string>();
  const idByShape = new Map<string, string>();
  const uses = new Map<string, number>();
  // Post-order: a node's shape is its own JSON with each child subschema replaced by the child's id,
  // so equal subtrees get equal ids in linear time.
  const identify = (node: JsonObject): string => {
    const children = new Map<unknown, string>();
    for (const slot of subschemaSlots(node)) children.set(slot.value, identify(slot.value));
    const shape = JSON.stringify(node, (_key, value: unknown) => (value !== node && children.has(value) ? `#${children.get(value)}` : value));
    let id = idByShape.get(shape);
    if (!id) {
      id = `hsds${idByShape.size}`;
      idByShape.set(shape, id);
    }
    idOf.set(node, id);
    uses.set(id, (uses.get(id) ?? 0) + 1);
    return id;
  };
  identify(schema);

  const definitions: Record<string, JsonObject> = {};
  const rewrite = (node: JsonObject): void => {
    for (const slot of subschemaSlots(node)) {
      const id = idOf.get(slot.value)!;
      if ((uses.get(id) ?? 0) > 1 && isObjectSchema(slot.value)) {
        if (!definitions[id]) {
          definitions[id] = slot.value;
          rewrite(slot.value);
        }
        slot.set({ $ref: `#/definitions/${id}` });
      } else {
        rewrite(slot.value);
      }
    }
  };
  rewrite(schema);
  if (Object.keys(definitions).length === 0) return schema;
  const existing = isPlainObject(schema['definitions']) ? schema['definitions'] : {};
  return { ...schema, definitions: { ...existing, ...definitions } };
}

function createAjv(draft2020: boolean): Ajv {
  const options = { strict: true, allErrors: true } as const;
  const ajv = draft2020 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const keyword of HSDS_ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  ajv.addKeyword({ keyword: 'datapackage_type', type: 'string', schemaType: 'string', errors: true, validate: checkDatapackageType });
  return ajv;
}

/** ajv's "/a/0/b" as "a[0].b", the way our API reports fields. */
function readablePath(instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(record)';
}

function readableError(e: ErrorObject): string {
  const at = readablePath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown field "${String(params['additionalProperty'])}"`;
    case 'required':
      return `${at}: missing required field "${String(params['missingProperty'])}"`;
    case 'enum':
      return `${at}: must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `${at}: must be a valid ${String(params['format'])}`;
    default:
      return `${at}: ${e.message ?? `fails ${e.keyword}`}`;
  }
}

const FILES: Record<Exclude<HsdsSchemaName, 'location'>, string> = {
  organization: 'organization.json',
  service: 'service.json',
  service_at_location: 'service_at_location.json',
  organization_list: 'organization_list.json',
  service_list: 'service_list.json',
  service_at_location_list: 'service_at_location_list.json',
};

/**
 * Validators for HSDS records. Each schema is read and compiled on first use (the compiled HSDS files
 * are megabytes, and compiling one takes a second or two), then cached for the validator's lifetime.
 */
export function createHsdsValidator(opts: { schemaDir?: string } = {}): HsdsValidator {
  const dir = opts.schemaDir ?? HSDS_SCHEMA_DIR;
  const ajvs = new Map<boolean, Ajv>();
  const compiled = new Map<HsdsSchemaName, ValidateFunction>();
  const raw = new Map<string, AnySchemaObject>();

  const readSchema = (file: string): AnySchemaObject => {
    let schema = raw.get(file);
    if (!schema) {
      schema = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as AnySchemaObject;
      raw.set(file, schema);
    }
    return schema;
  };

  const schemaFor = (name: HsdsSchemaName): AnySchemaObject => {
    if (name !== 'location') return readSchema(FILES[name]);
    // No compiled location.json is published; the location nested in service_at_location is complete.
    const sal = readSchema(FILES.service_at_location);
    const location = (sal['properties'] as Record<string, AnySchemaObject> | undefined)?.['location'];
    if (!location) throw new Error('compiled service_at_location.json has no location property');
    return location;
  };

  const compile = (name: HsdsSchemaName): ValidateFunction => {
    let fn = compiled.get(name);
    if (fn) return fn;
    const schema = hoistRepeatedSubschemas(closeSchema(schemaFor(name)));
    // The compiled files carry no $schema (so draft-07); honour 2020-12 should a later copy declare it.
    const draft2020 = typeof schema['$schema'] === 'string' && schema['$schema'].includes('2020-12');
    let ajv = ajvs.get(draft2020);
    if (!ajv) {
      ajv = createAjv(draft2020);
      ajvs.set(draft2020, ajv);
    }
    const { $schema: _ignored, $id: _id, ...body } = schema;
    fn = ajv.compile(body);
    compiled.set(name, fn);
    return fn;
  };

  const validate = (name: HsdsSchemaName, record: unknown): HsdsValidationResult => {
    const fn = compile(name);
    const valid = fn(record) === true;
    return { valid, errors: valid ? [] : (fn.errors ?? []).map(readableError) };
  };

  return {
    organization: (r) => validate('organization', r),
    service: (r) => validate('service', r),
    serviceAtLocation: (r) => validate('service_at_location', r),
    location: (r) => validate('location', r),
    organizationList: (r) => validate('organization_list', r),
    serviceList: (r) => validate('service_list', r),
    serviceAtLocationList: (r) => validate('service_at_location_list', r),
    validate,
  };
}
