import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from './durations';
import {
  SourceConfigError,
  effectiveAfterFetch,
  parseSourceDefinition,
  parseSourcesYaml,
  portOf,
} from './source-definition';

describe('parseDuration', () => {
  it('reads units, compounds and plain milliseconds', () => {
    expect(parseDuration('90s')).toBe(90000);
    expect(parseDuration('1h30m')).toBe(5400000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration(2000)).toBe(2000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('5 minutes')).toBeUndefined();
  });
});

describe('source definitions', () => {
  const feed = {
    id: 'afp-en',
    kind: 'feed',
    where: 'https://feeds.example.invalid/afp.xml',
    schedule: { interval: '5m' },
  };

  it('accepts a minimal feed and fills the defaults', () => {
    const s = parseSourceDefinition(feed);
    expect(s).toMatchObject({ id: 'afp-en', kind: 'feed', enabled: true });
    expect(s.schedule.interval).toBe(300000);
    expect(effectiveAfterFetch(s)).toBe('leave');
  });

  it('says what is wrong, where, for every problem at once', () => {
    const text = [
      'sources:',
      '  - id: "bad id!"',
      '    kind: gopher',
      '    where: x',
      '    schedule: { interval: soon }',
      '  - id: ok',
      '    kind: sftp',
      '    where: sftp.example.invalid/in',
      '    schedule: { interval: 1m }',
      '    credentials: { password: { env: PW, file: /run/secrets/pw } }',
    ].join('\n');
    let error: SourceConfigError | undefined;
    try {
      parseSourcesYaml(text, 'sources.yaml');
    } catch (e) {
      error = e as SourceConfigError;
    }
    expect(error).toBeInstanceOf(SourceConfigError);
    const lines = error!.problems.join('\n');
    expect(lines).toContain('sources.yaml: sources[0].id: id must be letters');
    expect(lines).toContain('sources[0].kind:');
    expect(lines).toContain('sources[0].schedule.interval: schedule.interval must be a duration');
    expect(lines).toContain('sources[1].where: a sftp source needs a host name');
    expect(lines).toContain('sources[1].credentials.password: give exactly one of env or file');
  });

  it('refuses a duplicate id, unknown keys and a feed that would delete', () => {
    expect(() => parseSourcesYaml(`sources: [${JSON.stringify(feed)}, ${JSON.stringify(feed)}]`)).toThrow(
      /"afp-en" is used twice/,
    );
    expect(() => parseSourceDefinition({ ...feed, passwd: 'x' })).toThrow(/Unrecognized key/);
    expect(() => parseSourceDefinition({ ...feed, afterFetch: 'delete' })).toThrow(/cannot move or delete/);
    expect(() => parseSourcesYaml('sources: [')).toThrow(/not valid YAML/);
    expect(() => parseSourceDefinition({ ...feed, where: 'https://desk:secret@feeds.example.invalid/x' })).toThrow(
      /never in the URL/,
    );
  });

  it('flags IMAP messages by default and knows the ports', () => {
    const imap = parseSourceDefinition({
      id: 'mail',
      kind: 'imap',
      where: 'imap.example.invalid',
      schedule: { interval: '1m' },
    });
    expect(effectiveAfterFetch(imap)).toBe('flag');
    expect(portOf(imap)).toBe(993);
    expect(portOf({ ...imap, secure: false })).toBe(143);
    expect(portOf({ kind: 'sftp' })).toBe(22);
  });

  it('reads the example sources file of the repository', () => {
    const text = readFileSync(join(__dirname, '../../../examples/sources.yaml'), 'utf8');
    const sources = parseSourcesYaml(text);
    expect(new Set(sources.map((s) => s.kind))).toEqual(
      new Set(['feed', 'http', 'ftp', 'ftps', 'sftp', 'imap', 'folder']),
    );
  });
});
