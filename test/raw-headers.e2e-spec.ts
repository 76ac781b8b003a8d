/**
 * No request ends a process (issue 15, point 1): raw copy whose source and file names hold non-Latin-1 and control
 * characters is served by the real archive process (dist), with the values encoded in the headers, and the process
 * is still there afterwards. Before the fix, `GET /v1/raw/{id}` threw inside an un-awaited promise and the archive
 * exited.
 */
import type { Producer } from 'kafkajs';
import { http } from './support/http';
import { testKafka, testProducer } from './support/kafka';
import { startServices, type ServiceStack } from './support/services';
import { eventually } from './support/wait';

describe('raw copy with odd source and file names (archive as a process)', () => {
  let stack: ServiceStack;
  let producer: Producer;
  let base: string;

  beforeAll(async () => {
    stack = await startServices('rawhdr', ['archive']);
    base = stack.services.archive!.url;
    producer = await testProducer(testKafka(stack.env.KAFKA_BROKERS!.split(',')));
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await stack?.stop();
  });

  it.each([
    ['a CJK source and folder name', 'odd-1', '新华社', '新华社/报道.xml'],
    ['control characters', 'odd-2', 'afp\u0000\r\nX-Injected: 1', 'story\u0007.txt'],
  ])('serves %s and stays up', async (_what, ingestId, source, filename) => {
    const bytes = Buffer.from(`Odd names ${ingestId}: the bytes exactly as received.\n`, 'utf8');
    await producer.send({
      topic: stack.env.TOPIC_WIRE_RAW!,
      messages: [
        {
          value: bytes,
          headers: {
            'wd-ingest-id': ingestId,
            'wd-source': source,
            'wd-channel': 'kafka',
            'content-type': 'text/plain; charset=utf-8',
            'wd-filename': filename,
            'wd-received-at': new Date().toISOString(),
          },
        },
      ],
    });
    await eventually(
      async () => (await http(`${base}/v1/raw/${ingestId}/meta`)).status === 200,
      60_000,
      'the raw copy stored',
    );

    const res = await fetch(`${base}/v1/raw/${ingestId}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(decodeURIComponent(res.headers.get('x-wire-source')!)).toBe(source);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+"/);
    expect(res.headers.get('x-injected')).toBeNull();

    // still the same process, still answering
    expect((await http(`${base}/health/live`)).status).toBe(200);
    expect(stack.services.archive!.crashes).toEqual([]);
  });
});
