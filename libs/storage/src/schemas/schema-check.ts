import type { Schema, SchemaType } from 'mongoose';

/** Why a document breaks its schema (the first broken rule, worded like mongoose), or undefined when it fits. */
export type SchemaCheck = (doc: Readonly<Record<string, unknown>>) => string | undefined;

type ValueCheck = (value: unknown, path: string) => string | undefined;

interface ValidatorLike {
  type?: string;
  maxlength?: number;
  minlength?: number;
  min?: number | Date;
  max?: number | Date;
  enumValues?: readonly unknown[];
}

type Instance = 'String' | 'Number' | 'Date' | 'Boolean' | 'Buffer' | 'ObjectId' | 'Mixed';

/**
 * Compiles a mongoose schema, once, into a plain function that checks a document against the same rules
 * `new Model(doc).validateSync()` applies: types, required, minlength/maxlength, min/max, enum, nested schemas and
 * arrays of them. The schema stays the one place the rules are written; this only makes checking them cheap on the
 * write path (building a mongoose document per article cost more CPU than everything else the archive does).
 *
 * Stricter than mongoose in one way: it checks types and does not cast (a number where a string belongs fails
 * instead of becoming a string), which suits records the archive builds itself. A schema using anything it does not
 * know (another type, a custom validator) makes it throw at compile time, not pass silently.
 */
export function compileSchemaCheck(schema: Schema): SchemaCheck {
  const fields = Object.entries(schema.paths).map(([path, type]) => ({
    path,
    segments: path.split('.'),
    check: compileType(type, path),
  }));
  return (doc) => {
    for (const field of fields) {
      const problem = field.check(valueAt(doc, field.segments), field.path);
      if (problem) return problem;
    }
    return undefined;
  };
}

function valueAt(doc: Readonly<Record<string, unknown>>, segments: string[]): unknown {
  let value: unknown = doc;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function compileType(type: SchemaType, path: string): ValueCheck {
  const t = type as SchemaType & {
    $isMongooseDocumentArray?: boolean;
    $isSingleNested?: boolean;
    schema?: Schema;
    caster?: SchemaType;
    validators: ValidatorLike[];
  };
  if (t.$isSingleNested && t.schema) {
    const nested = compileSchemaCheck(t.schema);
    return withRules(t, 'Mixed', path, (value, at) =>
      isPlainObject(value) ? prefixed(nested(value), at) : `Path \`${at}\` is not an object.`,
    );
  }
  if (t.$isMongooseDocumentArray && t.schema) {
    const element = compileSchemaCheck(t.schema);
    return withRules(t, 'Mixed', path, (value, at) => {
      if (!Array.isArray(value)) return `Path \`${at}\` is not an array.`;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (!isPlainObject(item)) return `Path \`${at}.${i}\` is not an object.`;
        const problem = element(item);
        if (problem) return prefixed(problem, `${at}.${i}`);
      }
      return undefined;
    });
  }
  if (t.instance === 'Array' && t.caster) {
    const element = compileType(t.caster, path);
    return withRules(t, 'Mixed', path, (value, at) => {
      if (!Array.isArray(value)) return `Path \`${at}\` is not an array.`;
      for (let i = 0; i < value.length; i++) {
        const problem = element(value[i], `${at}.${i}`);
        if (problem) return problem;
      }
      return undefined;
    });
  }
  if (!['String', 'Number', 'Date', 'Boolean', 'Buffer', 'ObjectId', 'Mixed'].includes(t.instance)) {
    throw new Error(`compileSchemaCheck: path ${path} has type ${t.instance}, which it does not know`);
  }
  const instance = t.instance as Instance;
  return withRules(t, instance, path, (value, at) =>
    hasType(value, instance) ? undefined : `Cast to ${instance} failed for path \`${at}\`.`,
  );
}

/** The type's own validators around a check of the value's shape (run only on present values). */
function withRules(type: { validators: ValidatorLike[] }, instance: Instance, path: string, shape: ValueCheck) {
  const required = type.validators.some((v) => v.type === 'required');
  const rules = type.validators.filter((v) => v.type !== 'required').map((v) => compileRule(v, instance, path));
  return (value: unknown, at: string): string | undefined => {
    if (value === undefined || value === null) return required ? `Path \`${at}\` is required.` : undefined;
    if (required && instance === 'String' && value === '') return `Path \`${at}\` is required.`;
    const problem = shape(value, at);
    if (problem) return problem;
    for (const rule of rules) {
      const broken = rule(value, at);
      if (broken) return broken;
    }
    return undefined;
  };
}

function compileRule(v: ValidatorLike, instance: Instance, path: string): ValueCheck {
  switch (v.type) {
    case 'maxlength': {
      const max = v.maxlength!;
      return (value, at) =>
        (value as string).length > max
          ? `Path \`${at}\` is longer than the maximum allowed length (${max}).`
          : undefined;
    }
    case 'minlength': {
      const min = v.minlength!;
      return (value, at) =>
        (value as string).length < min
          ? `Path \`${at}\` is shorter than the minimum allowed length (${min}).`
          : undefined;
    }
    case 'min': {
      const min = Number(v.min);
      return (value, at) =>
        Number(value) < min
          ? `Path \`${at}\` (${String(value)}) is less than minimum allowed value (${min}).`
          : undefined;
    }
    case 'max': {
      const max = Number(v.max);
      return (value, at) =>
        Number(value) > max
          ? `Path \`${at}\` (${String(value)}) is more than maximum allowed value (${max}).`
          : undefined;
    }
    case 'enum': {
      const allowed = new Set(v.enumValues ?? []);
      return (value, at) =>
        allowed.has(value) ? undefined : `\`${String(value)}\` is not a valid enum value for path \`${at}\`.`;
    }
    default:
      throw new Error(
        `compileSchemaCheck: path ${path} (${instance}) has a ${v.type ?? 'custom'} validator it does not know`,
      );
  }
}

function hasType(value: unknown, instance: Instance): boolean {
  switch (instance) {
    case 'String':
      return typeof value === 'string';
    case 'Number':
      return typeof value === 'number' && !Number.isNaN(value);
    case 'Date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Buffer':
      return value instanceof Uint8Array;
    case 'ObjectId':
      return (value as { _bsontype?: unknown })._bsontype === 'ObjectId';
    case 'Mixed':
      return true;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A nested schema's message names its paths from the nested root: put the outer path in front. */
function prefixed(problem: string | undefined, at: string): string | undefined {
  return problem?.replace(/([Pp]ath) `([^`]*)`/, (_, word: string, inner: string) => `${word} \`${at}.${inner}\``);
}
