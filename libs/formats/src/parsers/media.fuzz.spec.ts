import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { isWireError } from '@wiredesk/contracts';
import { parseWireAsync } from '../parse';
import { seededRandom } from '../../../../test/support/prng';

/**
 * Feeds the e-mail and picture readers mutated copies of their fixtures — byte flips, truncation, spliced and
 * repeated segments, broken MIME boundaries and headers, lying content types, pictures inside mail — through
 * parseWireAsync, the entry point the normalizer uses. Each call must give items or reject with a WireError: never
 * another error, never a hang. A seeded PRNG keeps it reproducible.
 */
const FIXTURE_ROOT = join(__dirname, '../../../../test/fixtures');
const SEED = 0x6d1a2025;
const MUTATIONS_PER_FIXTURE = 25;

function fixtures(dir: string, pattern: RegExp): { name: string; bytes: Buffer }[] {
  return readdirSync(join(FIXTURE_ROOT, dir))
    .filter((f) => pattern.test(f))
    .map((f) => ({ name: `${dir}/${f}`, bytes: readFileSync(join(FIXTURE_ROOT, dir, f)) }));
}

type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const at = (length: number, rnd: () => number) => Math.floor(rnd() * (length + 1));

const MIME_TOKENS = [
  '\r\n\r\n',
  '--',
  'Content-Type: multipart/mixed; boundary="x"\r\n',
  'Content-Transfer-Encoding: base64\r\n',
  'Content-Transfer-Encoding: quoted-printable\r\n',
  '=?utf-8?B?',
  '=?x-unknown?Q?=FF=FE?=',
  '?=',
  '=\r\n',
  '=ZZ',
  'charset="utf-7"',
  '\u0000',
  '{"Headline": [',
  '"Body": "',
];

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (bytes, rnd) => {
    const out = Buffer.from(bytes);
    for (let i = 0; i < 1 + Math.floor(rnd() * 16) && out.length; i++) {
      out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    }
    return out;
  },
  truncate: (bytes, rnd) => bytes.subarray(0, at(bytes.length, rnd)),
  splice: (bytes, rnd) => {
    const a = at(bytes.length, rnd);
    const b = Math.min(bytes.length, a + Math.floor(rnd() * 600));
    const p = at(bytes.length, rnd);
    return Buffer.concat([bytes.subarray(0, p), bytes.subarray(a, b), bytes.subarray(p)]);
  },
  insertTokens: (bytes, rnd) => {
    let out = bytes;
    for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
      const p = at(out.length, rnd);
      const token = Buffer.from(MIME_TOKENS[Math.floor(rnd() * MIME_TOKENS.length)], 'latin1');
      out = Buffer.concat([out.subarray(0, p), token, out.subarray(p)]);
    }
    return out;
  },
  dropBoundaries: (bytes) => Buffer.from(bytes.toString('latin1').replace(/boundary="?[^"\r\n;]+"?/gi, ''), 'latin1'),
  repeat: (bytes) => Buffer.concat([bytes, bytes]),
  longRun: (bytes, rnd) => {
    const p = at(bytes.length, rnd);
    const ch = ['=', ' ', '\n', '-', 'A', '\xff'][Math.floor(rnd() * 6)];
    return Buffer.concat([bytes.subarray(0, p), Buffer.from(ch.repeat(20_000), 'latin1'), bytes.subarray(p)]);
  },
};

/** Content types a sender may put on the bytes, true or not. */
const CONTENT_TYPES = [
  undefined,
  'message/rfc822',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'application/octet-stream',
];

describe('fuzzing the e-mail and picture readers', () => {
  const inputs = [...fixtures('email', /\.eml$/), ...fixtures('images', /\.(jpg|png|tif|webp)$/)];

  it('finds the fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(12);
  });

  it('every mutated input gives items or a WireError', async () => {
    const rnd = seededRandom(SEED);
    const names = Object.keys(MUTATIONS);
    const failures: string[] = [];
    let calls = 0;
    let parsed = 0;
    for (const input of inputs) {
      for (let i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
        const name = names[Math.floor(rnd() * names.length)];
        const bytes = MUTATIONS[name](input.bytes, rnd);
        const contentType = CONTENT_TYPES[Math.floor(rnd() * CONTENT_TYPES.length)];
        calls++;
        try {
          const result = await parseWireAsync(bytes, { contentType });
          if (result.items.length === 0) failures.push(`${input.name} ${name}: no items and no error`);
          parsed++;
        } catch (e) {
          if (!isWireError(e)) failures.push(`${input.name} ${name} (${contentType}): ${(e as Error).stack ?? e}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(inputs.length * MUTATIONS_PER_FIXTURE);
    expect(parsed).toBeGreaterThan(calls / 4); // most damage still leaves something to read
  }, 120_000);
});
