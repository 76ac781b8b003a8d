/**
 * The drop folder is as strict as HTTP (issue 15, point 7), on the ingest process (dist): a feed folder whose name
 * is not a valid source, a symbolic link and a file nested too deep go to failed/ with a reason file; a file in
 * nested date folders is ingested under its feed's name, its odd file name cleaned like X-Wire-Filename. Before,
 * the odd folder's copy went through with any characters in its source (which later took the archive down), and
 * nested or odd files were ignored forever.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TopicReader, testKafka } from './support/kafka';
import { startServices, type ServiceStack } from './support/services';
import { eventually } from './support/wait';

describe('drop folder strictness (ingest as a process)', () => {
  const drop = mkdtempSync(join(tmpdir(), 'wd-drop-strict-'));
  let stack: ServiceStack;
  let raw: TopicReader;

  beforeAll(async () => {
    stack = await startServices('dropstrict', ['ingest'], {
      WIRE_DROP_DIR: drop,
      WIRE_DROP_POLL_MS: '200',
      WIRE_DROP_STABLE_MS: '300',
    });
    raw = await new TopicReader(testKafka(stack.env.KAFKA_BROKERS!.split(',')), stack.env.TOPIC_WIRE_RAW!).start();
  }, 180_000);

  afterAll(async () => {
    await raw?.stop();
    await stack?.stop();
    rmSync(drop, { recursive: true, force: true });
  });

  it('ingests nested files under their feed, and moves what it cannot take to failed/ with the reason', async () => {
    mkdirSync(join(drop, 'afp-en', '2024', '04'), { recursive: true });
    writeFileSync(join(drop, 'afp-en', '2024', '04', 'story\u0007 one.txt'), 'PARIS (AFP) - A nested story.\n');
    mkdirSync(join(drop, '新华社'));
    writeFileSync(join(drop, '新华社', 'story.txt'), 'BEIJING - A story in an odd folder.\n');
    symlinkSync('/etc/hostname', join(drop, 'link.txt'));
    const deep = join(drop, 'afp-en', ...'abcdefghij'.split(''));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.txt'), 'LONDON - Too deep.\n');

    const reasonOf = async (relative: string) => {
      const report = join(drop, 'failed', `${relative}.error.json`);
      return eventually(
        () => {
          try {
            return JSON.parse(readFileSync(report, 'utf8')) as { code: string; message: string };
          } catch {
            return undefined; // not there, or still being written
          }
        },
        30_000,
        `failed/${relative}`,
      );
    };
    expect((await reasonOf('新华社/story.txt')).code).toBe('INVALID_SOURCE');
    expect((await reasonOf('link.txt')).code).toBe('UNSUPPORTED_FILE');
    expect((await reasonOf('afp-en/a/b/c/d/e/f/g/h/i/j/deep.txt')).code).toBe('UNSUPPORTED_FILE');

    const nested = await raw.waitFor((m) => m.headers['wd-channel'] === 'folder', 30_000, 'the nested file');
    expect(nested.headers['wd-source']).toBe('afp-en');
    expect(nested.headers['wd-filename']).toBe('story  one.txt'); // the control character cleaned as HTTP does
    expect(nested.value?.toString()).toContain('A nested story');
    await eventually(() => existsSync(join(drop, 'processed', 'afp-en', '2024', '04', 'story\u0007 one.txt')), 30_000);
    // nothing under the odd folder reached wire.raw
    expect(raw.messages.filter((m) => m.headers['wd-channel'] === 'folder')).toHaveLength(1);
  });
});
