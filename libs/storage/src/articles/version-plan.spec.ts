import { planStory, type IncomingVersion, type StoredStory } from './version-plan';

const v = (version: number, contentHash: string, kill = false): IncomingVersion => ({ version, contentHash, kill });
const story = (version: number, contentHash: string, extra: Partial<StoredStory> = {}): StoredStory => ({
  version,
  contentHash,
  canceled: false,
  cancelEventPending: false,
  ...extra,
});
const none = new Map<number, string>();

describe('planStory', () => {
  it('creates a new story and stores its version', () => {
    const plan = planStory(undefined, none, [v(1, 'a')]);
    expect(plan).toEqual({ outcomes: ['created'], insertVersions: [0], currentWrite: 0 });
  });

  it('treats the same message twice in one batch as one version', () => {
    const plan = planStory(undefined, none, [v(1, 'a'), v(1, 'a')]);
    expect(plan.outcomes).toEqual(['created', 'unchanged']);
    expect(plan.insertVersions).toEqual([0]);
  });

  it('is a no-op for content already current, whatever version number another channel gave it', () => {
    const plan = planStory(story(2, 'a'), new Map([[2, 'a']]), [v(2, 'a'), v(3, 'a')]);
    expect(plan.outcomes).toEqual(['unchanged', 'unchanged']);
    expect(plan.insertVersions).toEqual([]);
    expect(plan.currentWrite).toBeUndefined();
  });

  it('keeps the highest of versions arriving 1, 3, 2 and stores all three', () => {
    const plan = planStory(undefined, none, [v(1, 'a'), v(3, 'c'), v(2, 'b')]);
    expect(plan.outcomes).toEqual(['created', 'updated', 'stale']);
    expect(plan.insertVersions).toEqual([0, 1, 2]);
    expect(plan.currentWrite).toBe(1);
  });

  it('never lets a lower or equal version overwrite the current one', () => {
    const stored = new Map([
      [1, 'a'],
      [3, 'c'],
    ]);
    const plan = planStory(story(3, 'c'), stored, [v(2, 'b'), v(3, 'c-other')]);
    expect(plan.outcomes).toEqual(['stale', 'stale']);
    expect(plan.insertVersions).toEqual([0]);
    expect(plan.currentWrite).toBeUndefined();
  });

  it('reports a replay of an older stored version as unchanged', () => {
    const plan = planStory(
      story(3, 'c'),
      new Map([
        [1, 'a'],
        [3, 'c'],
      ]),
      [v(1, 'a')],
    );
    expect(plan.outcomes).toEqual(['unchanged']);
    expect(plan.insertVersions).toEqual([]);
  });

  it('finishes a write interrupted after the version was stored but before the story was updated', () => {
    const plan = planStory(
      story(1, 'a'),
      new Map([
        [1, 'a'],
        [2, 'b'],
      ]),
      [v(2, 'b')],
    );
    expect(plan.outcomes).toEqual(['updated']);
    expect(plan.insertVersions).toEqual([]);
    expect(plan.currentWrite).toBe(0);
  });

  it('takes a revert to earlier content under a higher version as an update', () => {
    const plan = planStory(
      story(2, 'b'),
      new Map([
        [1, 'a'],
        [2, 'b'],
      ]),
      [v(3, 'a')],
    );
    expect(plan.outcomes).toEqual(['updated']);
    expect(plan.currentWrite).toBe(0);
  });

  it('cancels a story with a higher-versioned kill that becomes the current document', () => {
    const plan = planStory(story(1, 'a'), new Map([[1, 'a']]), [v(2, 'k', true)]);
    expect(plan).toEqual({ outcomes: ['canceled'], insertVersions: [0], currentWrite: 0, cancelBy: 0 });
  });

  it('cancels a story with a kill of a lower version without replacing its content', () => {
    const plan = planStory(story(3, 'c'), new Map([[3, 'c']]), [v(2, 'k', true)]);
    expect(plan.outcomes).toEqual(['canceled']);
    expect(plan.currentWrite).toBeUndefined();
    expect(plan.cancelBy).toBe(0);
  });

  it('repeats the canceled outcome for a replayed kill until its event is published, then not', () => {
    const stored = new Map([[2, 'k']]);
    const pending = planStory(story(2, 'k', { canceled: true, cancelEventPending: true }), stored, [v(2, 'k', true)]);
    expect(pending.outcomes).toEqual(['canceled']);
    expect(pending.cancelBy).toBe(0);
    const published = planStory(story(2, 'k', { canceled: true }), stored, [v(2, 'k', true)]);
    expect(published.outcomes).toEqual(['unchanged']);
    expect(published.cancelBy).toBeUndefined();
  });

  it('keeps a killed story canceled when later versions arrive, storing them', () => {
    const plan = planStory(story(2, 'k', { canceled: true }), new Map([[2, 'k']]), [v(3, 'c')]);
    expect(plan.outcomes).toEqual(['stale']);
    expect(plan.insertVersions).toEqual([0]);
    expect(plan.currentWrite).toBeUndefined();
  });

  it('applies a kill in the middle of a batch to what came before and after', () => {
    const plan = planStory(undefined, none, [v(1, 'a'), v(2, 'k', true), v(3, 'c')]);
    expect(plan.outcomes).toEqual(['created', 'canceled', 'stale']);
    expect(plan.insertVersions).toEqual([0, 1, 2]);
    expect(plan.currentWrite).toBe(1);
    expect(plan.cancelBy).toBe(1);
  });

  it('gives the same final state whatever order the versions arrive in', () => {
    const versions = [v(1, 'a'), v(2, 'b'), v(3, 'c')];
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ];
    for (const order of orders) {
      const incoming = order.map((i) => versions[i]);
      const plan = planStory(undefined, none, incoming);
      expect(incoming[plan.currentWrite!].version).toBe(3);
      expect(plan.insertVersions).toHaveLength(3);
    }
  });
});
