import { PassThrough } from 'node:stream';
import { parseReplayFlags, rawFilter, replayCommand, replayedHeaders, REPLAY_USAGE } from './replay.command';

const NOW = Date.parse('2024-05-10T12:00:00Z');

describe('wiredesk replay flags', () => {
  it('reads times as ISO 8601 or ages, and lists as repeated or comma-separated', () => {
    const flags = parseReplayFlags(
      [
        '--since',
        '2d',
        '--until',
        '2024-05-10T00:00Z',
        '--source',
        'afp-en,reuters',
        '--source',
        'ap',
        '--channel',
        'http',
      ],
      NOW,
    );
    expect(flags).toEqual({
      sinceMs: NOW - 2 * 86400000,
      untilMs: Date.parse('2024-05-10T00:00Z'),
      sources: ['afp-en', 'reuters', 'ap'],
      channels: ['http'],
      limit: undefined,
      batch: 200,
      db: undefined,
      dryRun: false,
    });
    expect(parseReplayFlags(['--dry-run', '--limit', '5', '--db', 'x'], NOW)).toMatchObject({
      dryRun: true,
      limit: 5,
      db: 'x',
    });
    expect(parseReplayFlags(['--help'])).toBe('help');
  });

  it('refuses what cannot be meant', () => {
    expect(() => parseReplayFlags(['--since', 'yesterday'])).toThrow(/not a time/);
    expect(() => parseReplayFlags(['--since', '1h', '--until', '2h'], NOW)).toThrow(/before --until/);
    expect(() => parseReplayFlags(['--limit', '0'])).toThrow(/limit/);
    expect(() => parseReplayFlags(['stray'])).toThrow(/unexpected/);
  });
});

describe('the raw selection', () => {
  it('filters on receivedAt, source and channel with plain values only', () => {
    expect(rawFilter({ sinceMs: 1000, untilMs: 2000, sources: ['afp-en'], channels: ['http', 'folder'] })).toEqual({
      receivedAt: { $gte: new Date(1000), $lt: new Date(2000) },
      source: { $in: ['afp-en'] },
      channel: { $in: ['http', 'folder'] },
    });
    expect(rawFilter({})).toEqual({});
    // a source that looks like an operator stays a string inside $in
    expect(rawFilter({ sources: ['$where'] })).toEqual({ source: { $in: ['$where'] } });
  });
});

describe('the headers of a replayed copy', () => {
  it('keeps the original headers and ingest id and adds the replay marks', () => {
    const headers = replayedHeaders(
      {
        _id: 'abc',
        ingestId: 'abc',
        receivedAt: new Date('2024-05-01T10:00:00Z'),
        headers: [
          { name: 'wd-ingest-id', value: 'abc' },
          { name: 'wd-source', value: 'afp-en' },
          { name: 'wd-received-at', value: '2024-05-01T10:00:00.000Z' },
          { name: 'x-producer-own', value: 'kept' },
          { name: 'wd-replay', value: 'stale' },
        ],
      },
      '2024-05-10T12:00:00.000Z',
    );
    expect(headers).toEqual({
      'wd-ingest-id': 'abc',
      'wd-source': 'afp-en',
      'wd-received-at': '2024-05-01T10:00:00.000Z',
      'x-producer-own': 'kept',
      'wd-replay': 'true',
      'wd-replayed-at': '2024-05-10T12:00:00.000Z',
    });
  });

  it('gives a copy that came without headers the ingest id and receive time it was stored under', () => {
    const headers = replayedHeaders(
      { _id: 'derived-1', ingestId: 'derived-1', receivedAt: new Date('2024-05-01T10:00:00Z'), headers: [] },
      '2024-05-10T12:00:00.000Z',
    );
    expect(headers).toMatchObject({ 'wd-ingest-id': 'derived-1', 'wd-received-at': '2024-05-01T10:00:00.000Z' });
  });
});

describe('wiredesk replay command line', () => {
  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
    const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
    const code = await replayCommand(args, { stdin: new PassThrough(), stdout, stderr }, env);
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  }

  it('prints the help, which explains what the archive does with replayed versions', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${REPLAY_USAGE}\n`);
    expect(REPLAY_USAGE).toMatch(/stale/);
    expect(REPLAY_USAGE).toMatch(/wd-replay/);
  });

  it('answers a wrong command line with status 2', async () => {
    const r = await run(['--limit', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit must be a whole number/);
  });

  it('fails with status 1 and names the store when it does not answer', async () => {
    const r = await run(['--dry-run'], { MONGO_URL: 'mongodb://127.0.0.1:1/wiredesk' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MONGO_URL=mongodb:\/\/127\.0\.0\.1:1/);
    expect(r.stdout).toMatch(/read 0, would produce 0, skipped 0, failed 1/);
  }, 30000); // the driver waits for a server for 5 s
});
