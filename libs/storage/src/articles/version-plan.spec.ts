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
    expect(plan.outcomes).toEqual(['stale', 'conflict']);
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

  describe('replays (wd-replay): a better derivation of the same source version', () => {
    const replay = (version: number, contentHash: string): IncomingVersion => ({
      ...v(version, contentHash),
      replay: true,
    });
    const stored = new Map([
      [1, 'a'],
      [2, 'b'],
    ]);

    it('revises the current version in place: no new version, no other write', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(2, 'b2')]);
      expect(plan).toEqual({ outcomes: ['revised'], insertVersions: [], revise: 0 });
    });

    it('without the replay mark, the same version with other content is a conflict, never a silent drop', () => {
      const plan = planStory(story(2, 'b'), stored, [v(2, 'b2')]);
      expect(plan).toEqual({ outcomes: ['conflict'], insertVersions: [] });
    });

    it('calls two different stories with one version number in one batch a conflict, a repeat of either not', () => {
      const plan = planStory(undefined, none, [v(1, 'a'), v(1, 'other'), v(1, 'a')]);
      expect(plan.outcomes).toEqual(['created', 'conflict', 'unchanged']);
    });

    it('is a no-op when the replay yields identical content', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(2, 'b')]);
      expect(plan).toEqual({ outcomes: ['unchanged'], insertVersions: [] });
    });

    it('leaves an older version than the current one stale', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(1, 'a2')]);
      expect(plan).toEqual({ outcomes: ['stale'], insertVersions: [] });
    });

    it('never revises a canceled story, and a replayed kill of other content is stale', () => {
      const killed = story(2, 'b', { canceled: true });
      expect(planStory(killed, stored, [replay(2, 'b2')])).toEqual({ outcomes: ['stale'], insertVersions: [] });
      expect(planStory(story(2, 'b'), stored, [{ ...replay(2, 'k'), kill: true }]).outcomes).toEqual(['stale']);
    });

    it('stores a replayed higher version as an ordinary update', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(3, 'c')]);
      expect(plan).toEqual({ outcomes: ['updated'], insertVersions: [0], currentWrite: 0 });
    });

    it('revises once per batch: a second copy of the replay in it is a re-delivery', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(2, 'b2'), replay(2, 'b2'), v(2, 'b')]);
      expect(plan.outcomes).toEqual(['revised', 'unchanged', 'stale']);
      expect(plan.revise).toBe(0);
    });

    it('does not revise a version written by the same batch (only from the stored state)', () => {
      const plan = planStory(story(1, 'a'), new Map([[1, 'a']]), [v(2, 'b'), replay(2, 'b2')]);
      expect(plan.outcomes).toEqual(['updated', 'stale']);
      expect(plan.revise).toBeUndefined();
      expect(plan.currentWrite).toBe(0);
    });

    it('reports a stored revision again while its updated event is not confirmed, then no more', () => {
      const revised = new Map([[2, 'b2']]);
      const pending = planStory(story(2, 'b2', { revisionEventPending: 'b2' }), revised, [
        replay(2, 'b2'),
        replay(2, 'b2'),
      ]);
      expect(pending).toEqual({ outcomes: ['revised', 'unchanged'], insertVersions: [] });
      const published = planStory(story(2, 'b2'), revised, [replay(2, 'b2')]);
      expect(published.outcomes).toEqual(['unchanged']);
    });

    it('lets a higher version later in the batch supersede a revision, which the version still keeps', () => {
      const plan = planStory(story(2, 'b'), stored, [replay(2, 'b2'), v(3, 'c')]);
      expect(plan.outcomes).toEqual(['stale', 'updated']);
      expect(plan.revise).toBe(0);
      expect(plan.currentWrite).toBe(1);
    });
  });
});
