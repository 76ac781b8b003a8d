import { parseSourceDefinition } from '@wiredesk/sources';
import type { SourceStore } from '@wiredesk/storage';
import type { Candidate, SourceSession } from './sessions/source-session';
import { PollRunner, polledIngestId } from './poll-runner';
import { SecretReader } from './secrets';

/** Records the order of what the runner does: deliveries (acknowledged), "seen" writes, after-fetch actions. */
function harness(options: { candidates: Candidate[]; seen?: string[]; failDeliveryOf?: string }) {
  const events: string[] = [];
  const seen = new Set(options.seen ?? []);
  const store = {
    seenKeys: async (_id: string, keys: string[]) => new Set(keys.filter((k) => seen.has(k))),
    markSeen: async (_id: string, keys: string[]) => {
      keys.forEach((k) => seen.add(k));
      events.push(`seen ${keys.join(',')}`);
    },
    stillHeld: async () => true,
  } as unknown as SourceStore;
  const session: SourceSession = {
    list: async () => options.candidates,
    fetch: async (c) => Buffer.from(`bytes of ${c.key}`),
    finish: async (c) => void events.push(`finish ${c.key}`),
    close: async () => void events.push('close'),
  };
  const runner = new PollRunner(
    store,
    async (item) => {
      if (item.filename === options.failDeliveryOf) throw new Error('broker away');
      events.push(`ack ${item.filename} ${item.ingestId}`);
    },
    new SecretReader({}),
    { settleMs: 0, maxBytes: 1000, open: async () => session },
  );
  return { runner, events };
}

const source = parseSourceDefinition({
  id: 'agency-ftp',
  kind: 'ftp',
  where: 'ftp.example.invalid',
  schedule: { interval: '1m' },
  afterFetch: 'delete',
});
const file = (name: string): Candidate => ({ key: `file:${name}`, name, ref: name });

describe('PollRunner', () => {
  it('remembers an item and does its after-fetch action only after Kafka acknowledged it', async () => {
    const { runner, events } = harness({ candidates: [file('a.xml'), file('b.xml')] });
    const outcome = await runner.poll(source, null, new AbortController().signal);
    expect(outcome).toMatchObject({ offered: 2, delivered: 2, keys: ['file:a.xml', 'file:b.xml'] });
    expect(events).toEqual([
      `ack a.xml ${polledIngestId('agency-ftp', 'file:a.xml')}`,
      'seen file:a.xml',
      'finish file:a.xml',
      `ack b.xml ${polledIngestId('agency-ftp', 'file:b.xml')}`,
      'seen file:b.xml',
      'finish file:b.xml',
      'close',
    ]);
  });

  it('neither remembers nor moves an item whose delivery failed, and stops there', async () => {
    const { runner, events } = harness({ candidates: [file('a.xml'), file('b.xml')], failDeliveryOf: 'a.xml' });
    await expect(runner.poll(source, null, new AbortController().signal)).rejects.toThrow('broker away');
    expect(events).toEqual(['close']);
  });

  it('skips items delivered before, finishing their interrupted after-fetch action', async () => {
    const { runner, events } = harness({ candidates: [file('a.xml'), file('b.xml')], seen: ['file:a.xml'] });
    const outcome = await runner.poll(source, null, new AbortController().signal);
    expect(outcome.delivered).toBe(1);
    expect(events[0]).toBe('finish file:a.xml');
    expect(events).not.toContain(expect.stringMatching(/^ack a\.xml/));
  });

  it('leaves an item larger than the limit in place, remembered and reported, and goes on', async () => {
    const big = { ...file('big.xml'), size: 5000 };
    const { runner, events } = harness({ candidates: [big, file('b.xml')] });
    const outcome = await runner.poll(source, null, new AbortController().signal);
    expect(outcome).toMatchObject({ delivered: 1, tooLarge: ['big.xml'] });
    expect(events.slice(0, 2)).toEqual(['seen file:big.xml', expect.stringMatching(/^ack b\.xml/)]);
    expect(events).not.toContain('finish file:big.xml');
  });

  it('names a polled item by source and key: the same item always gets the same ingest id', () => {
    expect(polledIngestId('s', 'guid:1')).toBe(polledIngestId('s', 'guid:1'));
    expect(polledIngestId('s', 'guid:1')).not.toBe(polledIngestId('t', 'guid:1'));
  });
});
