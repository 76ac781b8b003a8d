import type { Ninjs } from '@wiredesk/ninjs';
import { bucketId, encodeEntry, entryOf, recordedBucket, slotOf } from '../timeline/timeline-entry';
import { WrittenDirectorySlots } from '../timeline/written-directory-slots';
import { toArticleRecord } from './article-record';
import { planStory } from './version-plan';
import { buildWriteSteps, reconcileOutcomes, type PlannedStory, type PreparedItem, type WriteStep } from './write-plan';
import type { ArticleOutcome } from './article-input';

const now = new Date('2024-03-02T00:00:00Z');
const item = (index: number, version: number, extra: Partial<Ninjs> = {}, hash = `hash-of-v${version}-xx`) => ({
  index,
  replay: false,
  record: toArticleRecord({
    ninjs: { uri: 'urn:x:1', version: String(version), versionCreated: `2024-03-01T0${version}:00:00Z`, ...extra },
    contentHash: hash,
  }),
});

function planned(items: PreparedItem[], stored?: PlannedStory['stored'] & { version: number }): PlannedStory {
  const plan = planStory(
    stored && {
      version: stored.version,
      contentHash: stored.contentHash,
      canceled: stored.canceled,
      cancelEventPending: false,
    },
    new Map(stored?.versionHashes.map((vh) => [vh.v, vh.h])),
    items.map(({ record, replay }) => ({
      version: record.version,
      contentHash: record.contentHash,
      kill: record.pubStatus === 'canceled',
      replay,
    })),
  );
  return { uri: 'urn:x:1', items, plan, ...(stored ? { stored } : {}) };
}

/** What the store holds after version 1 (`v1`) of the story, with the timeline entry it recorded, if any. */
const storedV1 = (v1: PreparedItem, timeline?: { b: string; m: string }) => ({
  version: 1,
  contentHash: v1.record.contentHash,
  canceled: false,
  versionHashes: [{ v: 1, h: v1.record.contentHash }],
  ...(timeline ? { timeline } : {}),
});

const summary = (steps: WriteStep[]) =>
  steps.map((s) => `${s.kind} ${s.target} ${s.kind === 'insert' ? s.docs.length : s.ops.length}`);
/** the updateOne / updateMany bodies of every write statement */
const statements = (steps: WriteStep[]) =>
  steps.flatMap((s) =>
    s.kind === 'write'
      ? s.ops.map(
          (o) =>
            Object.values(o.op)[0] as {
              filter: Record<string, unknown>;
              update: { $set: { timeline: { m: string } } };
            },
        )
      : [],
  );

describe('buildWriteSteps', () => {
  it('inserts a new story with its version and timeline entry, the entry first', () => {
    const { steps } = buildWriteSteps([planned([item(0, 1)])], new Map(), now, 15e6, 'stamp-1');
    expect(summary(steps)).toEqual(['insert versions 1', 'write timeline 3', 'write timeline 1', 'insert articles 1']);
    const story = (steps[3] as Extract<WriteStep, { kind: 'insert' }>).docs[0];
    expect(story.doc).toMatchObject({ _id: 'urn:x:1', version: 1, timeline: { b: expect.stringMatching(/^b:/) } });
    expect(story.fallback).toMatchObject({ updateOne: { filter: { _id: 'urn:x:1' }, upsert: true } });
    const timeline = (steps[1] as Extract<WriteStep, { kind: 'write' }>).ops.map((o) => o.op);
    expect(timeline).toContainEqual({
      updateOne: {
        filter: { _id: story.doc.timeline.b },
        update: { $addToSet: { m: { $each: [story.doc.timeline.m] } }, $set: { s: 'stamp-1' } },
        upsert: true,
      },
    });
  });

  it('names every document by _id alone, on every store', () => {
    const v1 = item(0, 1);
    const stored = storedV1(v1, { b: 'b:1', m: encodeEntry(entryOf(v1.record)) });
    const { steps } = buildWriteSteps(
      [planned([item(0, 2), item(1, 3, { pubStatus: 'canceled' })], stored)],
      new Map(),
      now,
      15e6,
      'stamp-2',
    );
    for (const { filter } of statements(steps)) expect(Object.keys(filter)).toEqual(['_id']);
  });

  it('leaves out the directory slots this process has written, and says which it adds', () => {
    const first = buildWriteSteps([planned([item(0, 1)])], new Map(), now, 15e6, 'stamp-1');
    expect(first.directorySlots.map(([id]) => id).sort()).toEqual(['d:*', 'd:status:usable']);
    const written = new WrittenDirectorySlots();
    written.add(first.directorySlots);
    const again = buildWriteSteps([planned([item(0, 1)])], new Map(), now, 15e6, 'stamp-2', written);
    expect(summary(again.steps)).toEqual([
      'insert versions 1',
      'write timeline 1',
      'write timeline 1',
      'insert articles 1',
    ]);
    expect(again.directorySlots).toEqual([]);
  });

  it('finds an entry recorded before ten-minute buckets in the bucket of its slot', () => {
    const v1 = item(0, 1);
    const m = encodeEntry(entryOf(v1.record));
    const slotBucket = bucketId(slotOf(v1.record.versionCreated.getTime()));
    const recorded = { b: 'h:474793', m };
    expect(recordedBucket(recorded)).toBe(slotBucket);
    const stored = storedV1(v1, recorded);
    const { steps } = buildWriteSteps([planned([item(0, 3)], stored)], new Map(), now, 15e6, 'stamp-1');
    const ops = (steps[1] as Extract<WriteStep, { kind: 'write' }>).ops.map((o) => o.op);
    expect(ops).toContainEqual({
      updateOne: { filter: { _id: slotBucket }, update: { $pullAll: { m: [m] }, $set: { s: 'stamp-1' } } },
    });
  });

  it('moves an updated story in the timeline: adds the new entry, removes exactly the one it recorded', () => {
    const v1 = item(0, 1);
    const old = { b: 'b:2848000', m: encodeEntry(entryOf(v1.record)) };
    const stored = storedV1(v1, old);
    const { steps } = buildWriteSteps([planned([item(0, 3)], stored)], new Map(), now, 15e6, 'stamp-1');
    expect(summary(steps)).toEqual(['insert versions 1', 'write timeline 4', 'write timeline 2', 'write articles 1']);
    const ops = (steps[1] as Extract<WriteStep, { kind: 'write' }>).ops.map((o) => o.op);
    expect(ops).toContainEqual({
      updateOne: { filter: { _id: old.b }, update: { $pullAll: { m: [old.m] }, $set: { s: 'stamp-1' } } },
    });
    // both buckets' stamps reach their days, after the buckets
    const stamps = (steps[2] as Extract<WriteStep, { kind: 'write' }>).ops.map((o) => o.op);
    expect(stamps).toContainEqual({
      updateOne: { filter: { _id: 's:19777' }, update: { $set: { 'hs.b2848000': 'stamp-1' } }, upsert: true },
    });
  });

  it('cancels the recorded entry and every version on a kill of an earlier version', () => {
    const v3 = item(0, 3);
    const stored = {
      version: 3,
      contentHash: v3.record.contentHash,
      canceled: false,
      versionHashes: [
        { v: 1, h: 'a' },
        { v: 3, h: v3.record.contentHash },
      ],
      timeline: { b: 'b:1', m: encodeEntry(entryOf(v3.record)) },
    };
    const { steps } = buildWriteSteps(
      [planned([item(0, 2, { pubStatus: 'canceled' })], stored)],
      new Map(),
      now,
      15e6,
      'stamp-1',
    );
    expect(summary(steps)).toEqual([
      'insert versions 1',
      'write timeline 4',
      'write timeline 2',
      'write articles 1',
      'write articles 1',
      'write versions 3',
    ]);
    const cancel = statements(steps).find((s) => s.filter._id === 'urn:x:1' && s.update.$set?.timeline)!;
    expect(JSON.parse(cancel.update.$set.timeline.m)[2]).toBe('canceled');
  });

  it('writes nothing for a replay of what is stored', () => {
    const v1 = item(0, 1);
    const stored = storedV1(v1, { b: 'b:1', m: encodeEntry(entryOf(v1.record)) });
    expect(buildWriteSteps([planned([v1], stored)], new Map(), now, 15e6, 'stamp-1').steps).toEqual([]);
  });

  it('keeps a revision whose version document is missing as stale, and writes nothing for it', () => {
    const v1 = item(0, 1);
    const stored = storedV1(v1);
    const replay = { ...item(0, 1, {}, 'other-hash-of-v1'), replay: true };
    const story = planned([replay], stored);
    const { steps, stale } = buildWriteSteps([story], new Map(), now, 15e6, 'stamp-1');
    expect(steps).toEqual([]);
    const outcomes: ArticleOutcome[] = [];
    reconcileOutcomes([story], stale, new Map(), outcomes);
    expect(outcomes[0].outcome).toBe('stale');
  });
});

describe('reconcileOutcomes', () => {
  it("reports the plan's outcome, or rejected where the store refused a statement for good", () => {
    const story = planned([item(0, 1), item(1, 2)]);
    const outcomes: ArticleOutcome[] = [];
    reconcileOutcomes([story], new Set(), new Map([[1, { code: 2, message: 'bad' }]]), outcomes);
    expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'rejected']);
    expect(outcomes[1].error).toBe('bad');
  });
});
