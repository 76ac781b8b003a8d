import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertValidNinjs, formatNinjsErrors, validateNinjs } from './validate';

const FIXTURES = join(__dirname, '../../../test/fixtures/ninjs-schema');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const load = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const rel = (path: string) => path.slice(FIXTURES.length + 1);

describe('validateNinjs against IPTC test suite 3.1', () => {
  const shouldPass = jsonFiles(join(FIXTURES, 'test_suite/3.1/should_pass'));
  const shouldFail = jsonFiles(join(FIXTURES, 'test_suite/3.1/should_fail'));

  it('has cases to run', () => {
    expect(shouldPass.length).toBeGreaterThan(0);
    expect(shouldFail.length).toBeGreaterThan(0);
  });

  it.each(shouldPass.map((p) => [rel(p), p]))('%s passes', (_name, path) => {
    const result = validateNinjs(load(path));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(shouldFail.map((p) => [rel(p), p]))('%s fails', (_name, path) => {
    const result = validateNinjs(load(path));
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

/**
 * Known errata in IPTC's examples, checked so they stay the only problems:
 * - doc-3.1/002_renditions_example.json has `"uri": "renditions-example"`, a relative reference, which the schema's
 *   `format: uri` (an absolute URI) rejects;
 * - agency-3.0/collection/20231016-event-timeline-sample.json is not a ninjs document but a draft collection (a JSON
 *   array) whose items use `estimatedStartDate` and an object `events`, neither of which ninjs 3.x has.
 */
const URI_ERRATUM = 'examples/doc-3.1/002_renditions_example.json';
const DRAFT_COLLECTION = 'examples/agency-3.0/collection/20231016-event-timeline-sample.json';

describe('validateNinjs on the official 3.x examples', () => {
  const examples = jsonFiles(join(FIXTURES, 'examples')).filter(
    (p) => ![URI_ERRATUM, DRAFT_COLLECTION].includes(rel(p)),
  );

  it('has examples to run', () => expect(examples.length).toBeGreaterThanOrEqual(25));

  it.each(examples.map((p) => [rel(p), p]))('%s validates', (_name, path) => {
    expect(validateNinjs(load(path)).errors).toEqual([]);
  });

  it(`${URI_ERRATUM} fails only on its relative uri`, () => {
    expect(validateNinjs(load(join(FIXTURES, URI_ERRATUM))).errors).toEqual([
      { path: '/uri', message: 'must be a valid uri' },
    ]);
  });

  it(`${DRAFT_COLLECTION} items fail on the fields ninjs 3.x does not have`, () => {
    const items = load(join(FIXTURES, DRAFT_COLLECTION)) as unknown[];
    for (const item of items) {
      const messages = validateNinjs(item).errors.map((e) => `${e.path} ${e.message}`);
      expect(messages).toContain('/eventDetails/dates property "estimatedStartDate" is not allowed here');
    }
  });
});

describe('readable errors', () => {
  it('names the unknown property, the missing uri and the bad enum value', () => {
    const { valid, errors } = validateNinjs({ pubStatus: 'gone', wiredeskScore: 3 });
    expect(valid).toBe(false);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '', message: 'property "uri" is required' },
        { path: '', message: 'property "wiredeskScore" is not allowed here' },
        { path: '/pubStatus', message: 'must be one of "usable", "withheld", "canceled"' },
      ]),
    );
  });

  it('checks formats: uri and date-time', () => {
    const { errors } = validateNinjs({ uri: 'not a uri', versionCreated: 'yesterday' });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/uri', message: 'must be a valid uri' },
        { path: '/versionCreated', message: 'must be a valid date-time' },
      ]),
    );
  });

  it('checks nested objects: associations need name and uri, bodies a value', () => {
    const { errors } = validateNinjs({
      uri: 'urn:x:1',
      associations: [{ type: 'picture' }],
      bodies: [{ role: 'main' }],
    });
    const paths = errors.map((e) => `${e.path} ${e.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/associations/0 property "name" is required',
        '/associations/0 property "uri" is required',
        '/bodies/0 property "value" is required',
      ]),
    );
  });

  it('validates GeoJSON in places from the local GeoJSON schema', () => {
    const point = {
      uri: 'urn:x:1',
      places: [{ name: 'Brussels', geoJSON: { type: 'Point', coordinates: [4.35, 50.85] } }],
    };
    expect(validateNinjs(point).valid).toBe(true);
    const broken = { uri: 'urn:x:1', places: [{ name: 'Brussels', geoJSON: { type: 'Point', coordinates: 'here' } }] };
    expect(validateNinjs(broken).valid).toBe(false);
  });

  it('assertValidNinjs throws INVALID_NINJS with the problems in its message', () => {
    expect(() => assertValidNinjs({ uri: 'urn:x:1', urgency: 12 })).toThrow(
      expect.objectContaining({ code: 'INVALID_NINJS', message: expect.stringContaining('/urgency') }),
    );
    expect(() => assertValidNinjs({ uri: 'urn:x:1', urgency: 2 })).not.toThrow();
  });

  it('formats at most a few errors and counts the rest', () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ path: `/a/${i}`, message: 'bad' }));
    expect(formatNinjsErrors(errors, 2)).toBe('/a/0: bad; /a/1: bad; and 5 more');
  });
});
