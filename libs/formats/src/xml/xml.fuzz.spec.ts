import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { isWireError } from '@wiredesk/contracts';
import type { WireItem } from '../model/wire-item';
import { anpa1312Parser } from '../parsers/anpa1312/anpa1312-parser';
import { cpPublishParser } from '../parsers/cp-publish/cp-publish-parser';
import { atomParser } from '../parsers/feed/atom-parser';
import { rssParser } from '../parsers/feed/rss-parser';
import { iptc7901Parser } from '../parsers/iptc7901/iptc7901-parser';
import { newsmlG2Parser } from '../parsers/newsml-g2/newsml-g2-parser';
import { newsml1Parser } from '../parsers/newsml1/newsml1-parser';
import { ninjsParser } from '../parsers/ninjs/ninjs-parser';
import { nitfParser } from '../parsers/nitf/nitf-parser';
import type { WireParser } from '../parsers/parser';
import { ritzauParser } from '../parsers/ritzau/ritzau-parser';
import { textParser } from '../parsers/text/text-parser';
import { seededRandom } from '../../../../test/support/prng';

/**
 * Feeds every structured parser mutated copies of every fixture: byte flips, truncation, control characters,
 * entity declarations (internal and external), deep nesting, stray markup, spliced segments. Each call must
 * return items or throw a WireError: never another error, never a hang. A seeded PRNG keeps it reproducible.
 */

const PARSERS: WireParser[] = [
  nitfParser,
  newsmlG2Parser,
  newsml1Parser,
  anpa1312Parser,
  iptc7901Parser,
  ninjsParser,
  rssParser,
  atomParser,
  cpPublishParser,
  ritzauParser,
  textParser,
];
const FIXTURE_ROOT = join(__dirname, '../../../../test/fixtures');
const FIXTURE_DIRS = [
  'nitf',
  'newsml-g2',
  'newsml1',
  'iptc7901',
  'anpa1312',
  'ninjs',
  'feed',
  'cp-publish',
  'ritzau',
  'text',
];
const MUTATIONS_PER_FIXTURE = 30;
const SEED = 0x5eed1312;

function fixtureFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.md$|LICENSE/i.test(entry)) {
        out.push({ name: full.slice(FIXTURE_ROOT.length + 1), text: readFileSync(full, 'latin1') });
      }
    }
  };
  for (const d of FIXTURE_DIRS) walk(join(FIXTURE_ROOT, d));
  return out;
}

const TOKENS = [
  '<',
  '>',
  '&',
  '&#',
  '&#x110000;',
  '&#0;',
  '&nbsp;',
  '&unknown;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?',
  '?>',
  '"',
  "'",
  '</',
  '/>',
  '<p>',
  '</nitf>',
  '<newsItem>',
  '<item>',
  '{',
  '}',
  '[',
  ']',
  '":',
  ',',
  '\\',
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0004',
  '\u0016',
  '\u001f',
  '\u0012',
  '\ufeff',
  '\ud800',
  '\u00a0',
  '\r',
  '\n\n',
  '\t',
  '^',
  '=',
  ' _ ',
  // telex and plain-text conventions of issue 11: framing, trailers, ANPA ½, shortcodes, table columns
  'ZCZC X1\nYY ABC\n:SLUG :Head\n',
  '\nNNNN\n',
  '==Kyodo\n',
  'KWS-21:37-09-12-18',
  '101137 GMT Dez 18',
  '2{',
  '[dropcap]',
  '[/dropcap]',
  ';1;2;3',
  'Team  1   2   3\nOther  4  5  6\n',
];

type Mutation = (text: string, rnd: () => number) => string;

const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (text, rnd) => {
    const chars = [...text];
    const flips = 1 + Math.floor(rnd() * 12);
    for (let i = 0; i < flips && chars.length; i++) {
      const p = Math.floor(rnd() * chars.length);
      chars[p] = String.fromCharCode(Math.floor(rnd() * 256));
    }
    return chars.join('');
  },
  truncate: (text, rnd) => text.slice(0, at(text, rnd)),
  insertControls: (text, rnd) => {
    let out = text;
    for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
      const p = at(out, rnd);
      out = out.slice(0, p) + String.fromCharCode(Math.floor(rnd() * 32)) + out.slice(p);
    }
    return out;
  },
  insertTokens: (text, rnd) => {
    let out = text;
    for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
      const p = at(out, rnd);
      out = out.slice(0, p) + TOKENS[Math.floor(rnd() * TOKENS.length)] + out.slice(p);
    }
    return out;
  },
  entityBomb: (text) =>
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
    text.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/>([^<]{3})/, '>&c;$1'),
  externalEntity: (text) =>
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
    text.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/>([^<]{3})/, '>&xxe;$1'),
  deepNesting: (text, rnd) => {
    const depth = 300 + Math.floor(rnd() * 5000);
    const p = at(text, rnd);
    const open = rnd() < 0.5 ? '<a>'.repeat(depth) : '['.repeat(depth);
    const close = open.startsWith('<') ? '</a>'.repeat(depth) : ']'.repeat(depth);
    return text.slice(0, p) + open + close + text.slice(p);
  },
  splice: (text, rnd) => {
    const a = at(text, rnd);
    const b = Math.min(text.length, a + Math.floor(rnd() * 400));
    const p = at(text, rnd);
    return text.slice(0, p) + text.slice(a, b) + text.slice(p);
  },
  repeatMessage: (text) => text.repeat(2),
  // long runs of one character catch regular expressions that backtrack quadratically
  longRun: (text, rnd) => {
    const p = at(text, rnd);
    const ch = [' ', '\n', '\t', '=', '.', '_', '-', '<', '&', '(', '0', 'A', '/', ','][Math.floor(rnd() * 14)];
    return text.slice(0, p) + ch.repeat(20_000) + text.slice(p);
  },
  stripControls: (text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''),
};

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Strings an item carries must be clean: no control characters other than tab and newline. */
function dirtyStrings(item: WireItem): string[] {
  const bad: string[] = [];
  const stack: unknown[] = [item];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (CONTROL.test(v)) bad.push(v.slice(0, 60));
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return bad;
}

describe('fuzzing the structured parsers', () => {
  const fixtures = fixtureFiles();

  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(25);
  });

  it('every mutated input gives items or a WireError, and items hold clean strings', () => {
    const rnd = seededRandom(SEED);
    const names = Object.keys(MUTATIONS);
    const failures: string[] = [];
    let calls = 0;
    let parsed = 0;
    let refused = 0;
    for (const fixture of fixtures) {
      for (let m = 0; m < MUTATIONS_PER_FIXTURE; m++) {
        const mutation = names[Math.floor(rnd() * names.length)];
        const text = MUTATIONS[mutation](fixture.text, rnd);
        const bytes = Buffer.from(text, 'latin1');
        for (const parser of PARSERS) {
          calls++;
          try {
            parser.sniff({ text, bytes });
            const items = parser.parse({ text, bytes });
            if (!Array.isArray(items) || items.length === 0)
              failures.push(`${parser.format} ${fixture.name} ${mutation}: no items and no error`);
            for (const item of items) {
              const dirty = dirtyStrings(item);
              if (dirty.length)
                failures.push(
                  `${parser.format} ${fixture.name} ${mutation}: control characters in ${JSON.stringify(dirty[0])}`,
                );
            }
            parsed++;
          } catch (e) {
            if (isWireError(e)) refused++;
            else
              failures.push(
                `${parser.format} ${fixture.name} ${mutation}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
              );
          }
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // about a thousand mutated inputs, each through all nine parsers
    expect(calls).toBeGreaterThan(7000);
    // both outcomes happen: the fuzzer reaches the parsers' insides, not only their front doors
    expect(parsed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);
});

describe('large and pathological inputs', () => {
  const attempt = (parser: WireParser, text: string): string => {
    try {
      return `${parser.parse({ text, bytes: Buffer.from(text) }).length} items`;
    } catch (e) {
      if (isWireError(e)) return e.code;
      throw e;
    }
  };
  const nitf = (paragraphs: string, caption = 'A caption.') =>
    `<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${paragraphs}<media><media-caption>${caption}</media-caption></media></body.content></body></nitf>`;

  it('parses a 2 MB NITF story and a 20,000-item RSS feed', () => {
    expect(attempt(nitfParser, nitf('<p>Paragraph text of a long story, repeated.</p>'.repeat(40000)))).toBe('1 items');
    const rss = `<rss><channel>${'<item><title>T</title><description>D &amp; more</description></item>'.repeat(20000)}</channel></rss>`;
    expect(attempt(rssParser, rss)).toBe('20000 items');
  }, 60_000);

  it('stays linear on long runs that trip naive regular expressions', () => {
    const spaces = ' '.repeat(200_000);
    expect(attempt(nitfParser, nitf('<p>x</p>', `Caption${spaces}(${spaces}`))).toBe('1 items');
    expect(attempt(nitfParser, nitf(`<p>BRUSSELS${spaces}(AFP${spaces}</p>`))).toBe('1 items');
    expect(
      attempt(
        anpa1312Parser,
        `\u0016\u0016\u0001a0001\u001f\nr a${spaces}BC-X${spaces}\n\u0002^BC-X--Y,${'a'.repeat(200_000)}<\n\tText.\n\u0003`,
      ),
    ).toBe('1 items');
    expect(
      attempt(iptc7901Parser, `\u0001abc0001 3 i 10${spaces}x\n\u0002Head =\n\n${'_ '.repeat(100_000)}x\n\u0003`),
    ).toBe('1 items');
    expect(attempt(ninjsParser, `{"uri":"u","headline":"${'\\"'.repeat(200_000)}"}`)).toBe('1 items');
    // tables: a 20,000-row table, a line of 200,000 delimiters, column gaps 200,000 spaces wide
    expect(attempt(textParser, `Results follow here today.\n\n${'Team  1  2  3\n'.repeat(20_000)}`)).toBe('1 items');
    expect(attempt(textParser, `Head line\n\n${';1'.repeat(100_000)}\n${';2'.repeat(100_000)}\n`)).toBe('1 items');
    expect(attempt(textParser, `Head line\n\nA${spaces}1${spaces}2\nB${spaces}3${spaces}4\n`)).toBe('1 items');
    expect(attempt(rssParser, `<rss><channel><item><title>${'&'.repeat(200_000)}</title></item></channel></rss>`)).toBe(
      '1 items',
    );
    expect(
      attempt(
        atomParser,
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">${'&lt;b&gt;'.repeat(50_000)}</title></entry></feed>`,
      ),
    ).toBe('1 items');
  }, 60_000);

  it('refuses hostile XML before it costs anything', () => {
    const laughs =
      '<!DOCTYPE lolz [' +
      Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('') +
      ']><nitf>&lol10;</nitf>';
    expect(attempt(nitfParser, laughs)).toBe('ENTITY_EXPANSION');
    expect(
      attempt(newsmlG2Parser, '<!DOCTYPE x [<!ENTITY e SYSTEM "http://evil.invalid/x">]><newsItem>&e;</newsItem>'),
    ).toBe('EXTERNAL_ENTITY');
    expect(attempt(rssParser, `<rss>${'<a>'.repeat(100_000)}`)).toBe('NESTING_TOO_DEEP');
    expect(attempt(newsml1Parser, '<NewsML><NewsItem>'.repeat(3) + 'unterminated')).toBe('MALFORMED_XML');
  });
});
