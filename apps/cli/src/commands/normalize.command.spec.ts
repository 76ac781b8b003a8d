import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { validateNinjs, type Ninjs, type NinjsAssociation } from '@wiredesk/ninjs';
import type { CliStreams } from '../io';
import { normalizeCommand } from './normalize.command';

const ROOT = join(__dirname, '../../../..');
const SEED = join(ROOT, 'test/fixtures/seed/afp-us-nato-cyber.txt');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  lines: unknown[];
}

/** Runs the command in-process with captured streams, as `wiredesk normalize …` would. */
async function normalize(args: string[], stdin = ''): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const io: CliStreams = { stdin: PassThrough.from([Buffer.from(stdin)]), stdout: out, stderr: err };
  const code = await normalizeCommand(args, io);
  const stdout = Buffer.concat(chunks.out).toString('utf8');
  const stderr = Buffer.concat(chunks.err).toString('utf8');
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
  return { code, stdout, stderr, lines };
}

const NBSP = /[\u00a0\u202f\u2007]/;
const FIRST = 'The United States is expected';
const LAST = 'a step Moscow opposes.';
const PAGE_NOISE = ["Don't miss", 'Replay', 'LATEST SHOWS', 'EYE ON AFRICA', 'MEDIAWATCH', 'Read more', 'Film show'];

function mainTextBody(article: Ninjs) {
  return article.bodies?.find((b) => b.role === 'main' && b.contentType === 'text/plain');
}

function picture(article: Ninjs): NinjsAssociation | undefined {
  return article.associations?.find((a) => a.type === 'picture');
}

function descriptionsByRole(a: { descriptions?: { role?: string; value: string }[] } | undefined) {
  return Object.fromEntries((a?.descriptions ?? []).map((d) => [d.role, d.value]));
}

describe('wiredesk normalize --no-enrich on the seed (issue 2, item 5: parsing, mapping, schema)', () => {
  let run: Run;
  let article: Ninjs;
  beforeAll(async () => {
    run = await normalize(['--no-enrich', SEED]);
    article = run.lines[0] as Ninjs;
  });

  it('exits 0 with one NDJSON line and nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it('is a ninjs 3.1 document that validates against the official schema', () => {
    expect(validateNinjs(article).errors).toEqual([]);
  });

  it('has the headline, located Brussels and the agency AFP from the dateline', () => {
    expect(article.headlines?.find((h) => h.role === 'main')?.value).toBe(
      'US to let NATO use its cyber defence skills',
    );
    expect(article.located).toBe('Brussels');
    expect(article.infoSources?.map((s) => s.name)).toContain('AFP');
  });

  it('has exactly the 8 body paragraphs, from the first sentence to the last, and nothing else', () => {
    const body = mainTextBody(article)!;
    const paragraphs = body.value.split('\n\n');
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs[0].startsWith(FIRST)).toBe(true);
    expect(paragraphs[7].endsWith(LAST)).toBe(true);
    for (const noise of PAGE_NOISE) expect(body.value).not.toContain(noise);
    expect(body.value).not.toContain('Britain and Denmark have already publicly committed cyber security'); // caption
    expect(body.value).not.toContain('©');
    expect(body.value).not.toContain('BRUSSELS (AFP)');
    expect(body.value).not.toMatch(NBSP);
  });

  it('counts words and characters from the body text', () => {
    const body = mainTextBody(article)!;
    expect(body.charCount).toBe(Array.from(body.value).length);
    expect(body.wordCount).toBe(body.value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
  });

  it('has a picture association with the caption (role caption) and the credit AFP/File (role creditline)', () => {
    const pic = picture(article);
    expect(pic).toBeDefined();
    const roles = descriptionsByRole(pic);
    expect(roles.caption).toMatch(/^Britain and Denmark have already publicly committed cyber security resources/);
    expect(roles.caption).not.toContain('AFP/File');
    expect(roles.creditline).toBe('AFP/File');
  });

  it('has copyrightHolder AFP and copyrightNotice "© 2018 AFP"', () => {
    expect(article.copyrightHolder).toBe('AFP');
    expect(article.copyrightNotice).toBe('© 2018 AFP');
  });

  it('has no non-breaking space anywhere', () => {
    expect(JSON.stringify(article)).not.toMatch(NBSP);
  });

  it('gives the same uri every time the same copy comes in', async () => {
    const again = (await normalize(['--no-enrich', SEED])).lines[0] as Ninjs;
    expect(again.uri).toBe(article.uri);
  });
});

describe('wiredesk normalize inputs, envelopes and errors', () => {
  let dir: string;
  let junk: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-normalize-'));
    junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads stdin for "-"', async () => {
    const run = await normalize(['--no-enrich', '-'], readFileSync(SEED, 'utf8'));
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(validateNinjs(run.lines[0]).valid).toBe(true);
  });

  it('binary junk: one stderr line "<file>: <CODE>: <message>", the other files go on, exit 1', async () => {
    const run = await normalize(['--no-enrich', junk, SEED]);
    expect(run.code).toBe(1);
    const errLines = run.stderr.split('\n').filter(Boolean);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(new RegExp(`^${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [A-Z_]+: \\S.*$`));
    // the seed after the junk still came out
    expect(run.lines).toHaveLength(1);
    expect((run.lines[0] as Ninjs).headlines?.[0].value).toBe('US to let NATO use its cyber defence skills');
  });

  it('a missing file is reported the same way', async () => {
    const missing = join(dir, 'nope.txt');
    const run = await normalize(['--no-enrich', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${missing}: READ_ERROR: No such file.\n`);
  });

  it('--with-source wraps every line: articles with source and index, failures with their error', async () => {
    const run = await normalize(['--no-enrich', '--with-source', SEED, junk]);
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(2);
    const [ok, bad] = run.lines as [
      { source: string; index: number; article: Ninjs },
      { source: string; error: { code: string; message: string } },
    ];
    expect(ok.source).toBe(SEED);
    expect(ok.index).toBe(0);
    expect(validateNinjs(ok.article).valid).toBe(true);
    expect(bad.source).toBe(junk);
    expect(bad.error.code).toMatch(/^[A-Z_]+$/);
    expect(bad.error.message.length).toBeGreaterThan(0);
    expect(Object.keys(bad)).toEqual(['source', 'error']);
  });

  it('--format forces the parser and rejects unknown formats as a usage error', async () => {
    const forced = await normalize(['--no-enrich', '--format', 'text', SEED]);
    expect(forced.code).toBe(0);
    expect(forced.lines).toHaveLength(1);
    const wrong = await normalize(['--format', 'docx', SEED]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown format "docx"');
    expect(wrong.stdout).toBe('');
  });

  it('without inputs prints the usage on stderr and exits 2; --help prints it on stdout', async () => {
    const run = await normalize([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('usage: wiredesk normalize');
    const out = new PassThrough();
    let help = '';
    out.on('data', (c: Buffer) => (help += c.toString()));
    const code = await normalizeCommand(['--help'], {
      stdin: new PassThrough(),
      stdout: out,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    expect(help).toContain('--with-source');
  });

  it('a directory stands for its files, in name order', async () => {
    const sub = join(dir, 'batch');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    writeFileSync(join(sub, 'b.txt'), readFileSync(SEED));
    writeFileSync(join(sub, 'a.bin'), readFileSync(junk));
    writeFileSync(join(sub, '.hidden'), 'ignored');
    const run = await normalize(['--no-enrich', '--with-source', sub]);
    expect((run.lines as { source: string }[]).map((l) => l.source)).toEqual([join(sub, 'a.bin'), join(sub, 'b.txt')]);
  });
});

/** ISO 3166 country URI for a two-letter code; IPTC publishes both cases, so both are accepted. */
const countryUri = (code: string) => new RegExp(`^http://cv\\.iptc\\.org/newscodes/iso3166-1a2/${code}$`, 'i');
const STRAY_PUNCTUATION = /^[\s\p{P}]|[\s\p{P}]$/u;

describe('wiredesk normalize on the seed, enriched (issue 2, item 5: enrichment)', () => {
  let run: Run;
  let article: Ninjs;
  beforeAll(async () => {
    run = await normalize([SEED]);
    article = run.lines[0] as Ninjs;
  }, 60_000);

  it('exits 0 with one valid ninjs 3.1 document', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(validateNinjs(article).errors).toEqual([]);
  });

  it('is in English', () => {
    expect(article.language).toBe('en');
  });

  it('names Jens Stoltenberg among the people and NATO among the organisations', () => {
    expect(article.people?.map((p) => p.name)).toContain('Jens Stoltenberg');
    expect(article.organisations?.map((o) => o.name)).toContain('NATO');
  });

  it('has the places, countries with their ISO 3166 URIs', () => {
    const places = new Map((article.places ?? []).map((p) => [p.name, p]));
    const countries: [string, string][] = [
      ['United States', 'US'],
      ['United Kingdom', 'GB'],
      ['Denmark', 'DK'],
      ['Lithuania', 'LT'],
      ['Latvia', 'LV'],
      ['Estonia', 'EE'],
      ['Russia', 'RU'],
      ['North Macedonia', 'MK'],
    ];
    for (const [name, code] of countries) {
      expect({ name, uri: places.get(name)?.uri }).toEqual({ name, uri: expect.stringMatching(countryUri(code)) });
    }
    expect(places.has('Brussels')).toBe(true);
  });

  it('has no entity name with stray punctuation', () => {
    const names = [...(article.people ?? []), ...(article.organisations ?? []), ...(article.places ?? [])].map(
      (e) => e.name ?? '',
    );
    expect(names.filter((n) => STRAY_PUNCTUATION.test(n) || n.includes(' --'))).toEqual([]);
  });

  it('has at least one IPTC Media Topic about cyber warfare or defence', () => {
    const topics = (article.subjects ?? []).filter((s) =>
      s.uri?.startsWith('http://cv.iptc.org/newscodes/mediatopic/'),
    );
    expect(topics.some((s) => /cyber|defen[cs]e|military|armed forces|warfare/i.test(s.name ?? ''))).toBe(true);
  });

  it('has a short summary description', () => {
    const summary = article.descriptions?.find((d) => d.role === 'summary')?.value;
    expect(summary).toBeDefined();
    expect(summary!.length).toBeGreaterThan(20);
    expect(summary!.length).toBeLessThanOrEqual(300);
  });

  it('keeps the parsing points: the picture caption and credit, the 8 paragraphs', () => {
    const roles = descriptionsByRole(picture(article));
    expect(roles.caption).toMatch(/^Britain and Denmark have already publicly committed/);
    expect(roles.creditline).toBe('AFP/File');
    expect(mainTextBody(article)!.value.split('\n\n')).toHaveLength(8);
  });
});
