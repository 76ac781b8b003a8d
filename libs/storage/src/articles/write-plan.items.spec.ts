import type { Ninjs } from '@wiredesk/ninjs';
import { versionId } from '../schemas/article-version.schema';
import { bucketId, encodeEntry, entryOf, slotOf } from '../timeline/timeline-entry';
import { toArticleRecord } from './article-record';
import { planStory } from './version-plan';
import { buildWriteSteps, type PlannedStory, type PreparedItem, type WriteStep } from './write-plan';

const now = new Date('2024-03-02T00:00:00Z');
const item = (
  uri: string,
  index: number,
  version: number,
  extra: Partial<Ninjs> = {},
  hash = `h-${uri}-v${version}`,
) => ({
  index,
  replay: false,
  record: toArticleRecord({
    ninjs: { uri, version: String(version), versionCreated: `2024-03-01T0${version}:00:00Z`, ...extra },
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
  return { uri: items[0].record.uri, items, plan, ...(stored ? { stored } : {}) };
}

/** Each statement as "kind target: the batch items it is written for" (refused for good, those items are rejected). */
const attribution = (steps: WriteStep[]) =>
  steps.flatMap((s) =>
    (s.kind === 'insert' ? s.docs : s.ops).map((x) => `${s.kind} ${s.target}: ${x.items.join(',')}`),
  );
const ops = (steps: WriteStep[], target: string) =>
  steps.filter((s) => s.target === target && s.kind === 'write').flatMap((s) => (s.kind === 'write' ? s.ops : []));

describe('buildWriteSteps: which items each statement is written for', () => {
  it('names the item of every statement, across stories in one batch', () => {
    const stored = {
      version: 1,
      contentHash: 'h-urn:b-v1',
      canceled: false,
      versionHashes: [{ v: 1, h: 'h-urn:b-v1' }],
    };
    const stories = [planned([item('urn:a', 3, 1)]), planned([item('urn:b', 8, 2)], stored)];
    const { steps } = buildWriteSteps(stories, new Map(), now, 15e6, 'stamp-1');
    const lines = attribution(steps);
    expect(lines.filter((l) => l.startsWith('insert versions'))).toEqual(['insert versions: 3', 'insert versions: 8']);
    expect(lines.filter((l) => l.startsWith('insert articles'))).toEqual(['insert articles: 3']);
    expect(lines.filter((l) => l.startsWith('write articles'))).toEqual(['write articles: 8']);
    // every timeline statement is written for the items of the stories it touches, never for none
    for (const l of lines.filter((x) => x.startsWith('write timeline'))) expect(l).toMatch(/: (3|8)(,(3|8))?$/);
    const directoryOrBucket = ops(steps, 'timeline');
    expect(directoryOrBucket.some((o) => o.items.includes(3))).toBe(true);
    expect(directoryOrBucket.some((o) => o.items.includes(8))).toBe(true);
  });

  it('lists stored versions under the first inserted item, and names the kill on the story and every version', () => {
    const stored = {
      version: 3,
      contentHash: 'h-urn:c-v3',
      canceled: false,
      versionHashes: [{ v: 3, h: 'h-urn:c-v3' }],
    };
    const story = planned([item('urn:c', 4, 1), item('urn:c', 5, 2, { pubStatus: 'canceled' })], stored);
    const { steps } = buildWriteSteps([story], new Map(), now, 15e6, 'stamp-1');
    const lines = attribution(steps).filter((l) => !l.startsWith('write timeline'));
    expect(lines).toEqual([
      'insert versions: 4',
      'insert versions: 5',
      'write articles: 4',
      'write articles: 5',
      'write versions: 5',
      'write versions: 5',
      'write versions: 5',
    ]);
    // versions of a story canceled by this batch are cancelled by the version statements, stored (3) and new (1, 2)
    const cancelled = ops(steps, 'versions').map(
      (o) => (o.op as { updateOne: { filter: { _id: string } } }).updateOne.filter._id,
    );
    expect(cancelled).toEqual([versionId('urn:c', 3), versionId('urn:c', 1), versionId('urn:c', 2)]);
  });

  it('stores new versions of a story already canceled as canceled', () => {
    const stored = {
      version: 2,
      contentHash: 'h-urn:d-v2',
      canceled: true,
      versionHashes: [{ v: 2, h: 'h-urn:d-v2' }],
    };
    const { steps } = buildWriteSteps([planned([item('urn:d', 0, 3)], stored)], new Map(), now, 15e6, 'stamp-1');
    const insert = steps.find((s) => s.kind === 'insert' && s.target === 'versions') as Extract<
      WriteStep,
      { kind: 'insert' }
    >;
    expect(insert.docs.map((d) => [d.doc._id, d.doc.pubStatus, d.doc.originalPubStatus])).toEqual([
      [versionId('urn:d', 3), 'canceled', 'usable'],
    ]);
    expect(insert.docs[0].items).toEqual([0]);
  });

  it('revises a stored version from its stored derivation: the version, then the story, both for the replay', () => {
    const stored = {
      version: 1,
      contentHash: 'old-hash',
      canceled: false,
      versionHashes: [
        { v: 0, h: 'h-zero' },
        { v: 1, h: 'old-hash' },
      ],
    };
    const replay = { ...item('urn:e', 6, 1, {}, 'new-hash'), replay: true };
    const story = planned([replay], stored);
    const derivations = new Map([[versionId('urn:e', 1), { contentHash: 'old-hash', storedAt: now }]]);
    const { steps, stale } = buildWriteSteps([story], derivations, now, 15e6, 'stamp-1');
    expect(stale.size).toBe(0);
    const lines = attribution(steps).filter((l) => !l.startsWith('write timeline'));
    expect(lines).toEqual(['write versions: 6', 'write articles: 6']);
    const versionOp = ops(steps, 'versions')[0].op as {
      updateOne: { filter: unknown; update: { $set: Record<string, unknown> } };
    };
    expect(versionOp.updateOne.filter).toEqual({ _id: versionId('urn:e', 1) });
    expect(versionOp.updateOne.update.$set.contentHash).toBe('new-hash');
    const storyOp = ops(steps, 'articles')[0].op as { updateOne: { update: { $set: Record<string, unknown> } } };
    expect(storyOp.updateOne.update.$set.versionHashes).toEqual([
      { v: 0, h: 'h-zero' },
      { v: 1, h: 'new-hash' },
    ]);
    expect(storyOp.updateOne.update.$set.revisionEventPending).toBe('new-hash');
  });

  it('re-runs a revision already in the version document: only the story statement is left', () => {
    const stored = { version: 1, contentHash: 'old-hash', canceled: false, versionHashes: [{ v: 1, h: 'old-hash' }] };
    const replay = { ...item('urn:f', 2, 1, {}, 'new-hash'), replay: true };
    const derivations = new Map([[versionId('urn:f', 1), { contentHash: 'new-hash' }]]);
    const { steps } = buildWriteSteps([planned([replay], stored)], derivations, now, 15e6, 'stamp-1');
    expect(attribution(steps).filter((l) => !l.startsWith('write timeline'))).toEqual(['write articles: 2']);
  });

  it('writes no timeline statement when the story keeps the entry it recorded', () => {
    const v2 = item('urn:g', 0, 2);
    const entry = entryOf(v2.record, v2.record.pubStatus);
    const timeline = { b: bucketId(slotOf(entry.t)), m: encodeEntry(entry) };
    const stored = { version: 2, contentHash: 'other', canceled: false, versionHashes: [{ v: 1, h: 'h1' }], timeline };
    // a higher version whose entry is the one recorded (same time, status, headline)
    const story = planned([item('urn:g', 0, 2, {}, 'h-new')], { ...stored, version: 1 });
    const { steps } = buildWriteSteps([story], new Map(), now, 15e6, 'stamp-1');
    expect(steps.some((s) => s.target === 'timeline')).toBe(false);
    // a recorded entry in the same bucket but another story text: moved
    const moved = buildWriteSteps(
      [planned([item('urn:g', 0, 2, {}, 'h-new')], { ...stored, version: 1, timeline: { b: timeline.b, m: '["x"]' } })],
      new Map(),
      now,
      15e6,
      'stamp-2',
    );
    const pulls = ops(moved.steps, 'timeline').filter((o) => JSON.stringify(o.op).includes('$pullAll'));
    expect(pulls.map((o) => o.items)).toEqual([[0]]);
  });
});
