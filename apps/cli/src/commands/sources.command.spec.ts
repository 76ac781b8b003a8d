import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { sourcesCommand } from './sources.command';

async function run(args: string[]) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  const code = await sourcesCommand(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() };
}

describe('wiredesk sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wd-sources-cli-'));
  const folder = join(dir, 'outgoing');
  mkdirSync(folder);
  const nitf = readFileSync(join(__dirname, '../../../../test/fixtures/nitf', 'ap-style-writethru.xml'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tests a source in-process: lists what it would fetch and parses one item, touching nothing', async () => {
    writeFileSync(join(folder, 'story.xml'), nitf);
    const file = join(dir, 'sources.yaml');
    writeFileSync(
      file,
      `sources:\n  - { id: share, kind: folder, where: ${folder}, schedule: { interval: 1m }, afterFetch: delete }\n`,
    );
    const { code, out } = await run(['test', file]);
    expect(code).toBe(0);
    expect(out).toContain('share (folder): connected; 1 item(s) on offer');
    expect(out).toMatch(/parses into 1 article\(s\)/);
    expect(readFileSync(join(folder, 'story.xml'))).toEqual(nitf); // not deleted: a test never acts
  });

  it('reports a definition mistake with its place, and a wrong command line with the usage', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'x', kind: 'feed', where: 'ftp://h', schedule: { interval: '1m' } }));
    const bad = await run(['test', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('where: a feed source needs an http(s) URL');
    const usage = await run(['poll']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: wiredesk sources');
  });
});
