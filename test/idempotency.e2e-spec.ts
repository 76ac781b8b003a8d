/**
 * Idempotency keys that mean what they say (issue 15, point 4), on the ingest process (dist): an Idempotency-Key
 * sent again with a different body is answered 422 problem+json, before and after ingest is restarted (the key's
 * body digest is durable), while the same body is still a replay of the first delivery. Before, the second body
 * was silently dropped, and after a restart stored under the first one's ingest id.
 */
import { startServices, type ServiceStack } from './support/services';
import { postWire } from './support/http';

describe('Idempotency-Key reuse (ingest as a process)', () => {
  let stack: ServiceStack;
  const post = (body: string, key: string) =>
    postWire(stack.services.ingest!.url, body, {
      'Content-Type': 'text/plain',
      'X-Wire-Source': 'afp-en',
      'Idempotency-Key': key,
    });

  beforeAll(async () => {
    stack = await startServices('idem', ['ingest']);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('answers 422 for another body with a used key, before and after a restart, and replays the same body', async () => {
    const key = `story-${Date.now()}`;
    const first = await post('PARIS (AFP) - The first story.', key);
    expect(first.status).toBe(202);
    const { ingestId } = first.json<{ ingestId: string }>();

    const reused = await post('PARIS (AFP) - A different story.', key);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });

    const ingest = stack.services.ingest!;
    await ingest.kill();
    ingest.start();
    expect(await ingest.waitReady(120_000)).toBe(true);

    const afterRestart = await post('PARIS (AFP) - A different story.', key);
    expect(afterRestart.status).toBe(422);
    expect(afterRestart.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const replay = await post('PARIS (AFP) - The first story.', key);
    expect(replay.status).toBe(202);
    expect(replay.json()).toEqual({ ingestId });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    expect((await post('PARIS (AFP) - A different story.', `${key}-new`)).status).toBe(202);
  });
});
