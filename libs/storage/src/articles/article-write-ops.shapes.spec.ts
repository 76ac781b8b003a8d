import type { Ninjs } from '@wiredesk/ninjs';
import { BSON } from 'mongodb';
import { toArticleRecord } from './article-record';
import {
  boundedRevisions,
  cancelEventPublishedOp,
  cancelStoryOp,
  cancelVersionsOps,
  currentWriteOp,
  newStoryDoc,
  reviseCurrentOp,
  reviseVersionOp,
  revisionEventPublishedOp,
  versionDocument,
  versionHashesOp,
  type VersionRevision,
} from './article-write-ops';

const now = new Date('2024-03-01T00:00:00Z');
const record = (extra: Partial<Ninjs> = {}, hash = 'abcdef0123456789') =>
  toArticleRecord({ ninjs: { uri: 'urn:x:1', version: '3', ...extra }, contentHash: hash });
type Update = { updateOne: { filter: unknown; update: Record<string, Record<string, unknown>>; upsert?: boolean } };

describe('version documents', () => {
  it('a live version of a live story keeps its status and has no cancellation time', () => {
    const doc = versionDocument(record({ pubStatus: 'usable' }), false, now);
    expect(doc.pubStatus).toBe('usable');
    expect(doc.originalPubStatus).toBe('usable');
    expect(doc).not.toHaveProperty('canceledAt');
    expect((doc.ninjs as Ninjs).pubStatus).toBe('usable');
  });

  it('a kill is canceled by itself; any version of a canceled story is canceled', () => {
    for (const [extra, storyCanceled] of [
      [{ pubStatus: 'canceled' as const }, false],
      [{ pubStatus: 'usable' as const }, true],
    ] as const) {
      const doc = versionDocument(record(extra), storyCanceled, now);
      expect([doc.pubStatus, doc.canceledAt, (doc.ninjs as Ninjs).pubStatus]).toEqual(['canceled', now, 'canceled']);
      expect(doc.originalPubStatus).toBe(extra.pubStatus);
    }
  });
});

describe('story statements', () => {
  it('a new live story carries no kill fields', () => {
    const doc = newStoryDoc(record({ pubStatus: 'usable' }), [], now);
    expect(doc).not.toHaveProperty('cancelEventPending');
    expect(doc).not.toHaveProperty('canceledAt');
    expect(doc).not.toHaveProperty('timeline');
    expect([doc.createdAt, doc.updatedAt]).toEqual([now, now]);
  });

  it('a current write without new versions lists none and only sets createdAt on insert', () => {
    const op = currentWriteOp(record({ pubStatus: 'usable' }), now) as Update;
    expect(op.updateOne.update.$setOnInsert).toEqual({ createdAt: now });
    expect(op.updateOne.update).not.toHaveProperty('$addToSet');
    expect(op.updateOne.update.$set).not.toHaveProperty('cancelEventPending');
    expect(op.updateOne.update.$set.updatedAt).toBe(now);
  });

  it('lists versions by $addToSet on the story, without upsert', () => {
    expect(versionHashesOp('urn:x:1', [{ v: 2, h: 'h2' }])).toEqual({
      updateOne: {
        filter: { _id: 'urn:x:1' },
        update: { $addToSet: { versionHashes: { $each: [{ v: 2, h: 'h2' }] } } },
      },
    });
  });

  it('a kill sets the story and its ninjs canceled, pending its event', () => {
    expect(cancelStoryOp(record(), now)).toEqual({
      updateOne: {
        filter: { _id: 'urn:x:1' },
        update: {
          $set: {
            pubStatus: 'canceled',
            'ninjs.pubStatus': 'canceled',
            canceledAt: now,
            canceledByVersion: 3,
            cancelEventPending: true,
            updatedAt: now,
          },
        },
      },
    });
    expect(cancelVersionsOps('urn:x:1', [4], now)).toEqual([
      {
        updateOne: {
          filter: { _id: 'urn:x:1#v4' },
          update: { $set: { pubStatus: 'canceled', 'ninjs.pubStatus': 'canceled' }, $min: { canceledAt: now } },
        },
      },
    ]);
  });

  it('clears the outbox marks once the events are published', () => {
    expect(cancelEventPublishedOp('urn:x:1', now)).toEqual({
      updateOne: {
        filter: { _id: 'urn:x:1' },
        update: { $set: { cancelEventPending: false, cancelEventPublishedAt: now } },
      },
    });
    expect(revisionEventPublishedOp('urn:x:1', now)).toEqual({
      updateOne: {
        filter: { _id: 'urn:x:1' },
        update: { $unset: { revisionEventPending: '' }, $set: { revisionEventPublishedAt: now } },
      },
    });
  });
});

describe('revisions remove what the new derivation no longer has', () => {
  it('unsets the enrichment the new derivation lacks (not its version label), and keeps the version live', () => {
    const op = reviseVersionOp(record({ pubStatus: 'usable' }, 'new'), { contentHash: 'old' }, now, 15e6) as Update;
    expect(op.updateOne.update.$unset).toEqual({ enrichment: '' });
    const unlabelled = { ...record({}, 'new'), versionLabel: undefined };
    const op2 = reviseVersionOp(unlabelled, { contentHash: 'old' }, now, 15e6) as Update;
    expect(op2.updateOne.update.$unset).toEqual({ versionLabel: '', enrichment: '' });
    expect(op.updateOne.update.$set.pubStatus).toBe('usable');
    expect(op.updateOne.update.$set).not.toHaveProperty('canceledAt');
  });

  it('unsets nothing when the new derivation has every optional field', () => {
    const full = toArticleRecord({
      ninjs: { uri: 'urn:x:1', version: '3', versionLabel: 'v3' } as Ninjs,
      contentHash: 'new',
      enrichment: { entities: [] } as never,
    });
    const op = reviseVersionOp(full, { contentHash: 'old' }, now, 15e6) as Update;
    if (full.versionLabel !== undefined && full.enrichment !== undefined)
      expect(op.updateOne.update).not.toHaveProperty('$unset');
  });

  it('unsets on the story only the optional fields that are absent', () => {
    const op = reviseCurrentOp(
      record({ headlines: [{ role: 'main', value: 'Kept' }], language: 'en' }),
      [],
      now,
    ) as Update;
    const unset = Object.keys(op.updateOne.update.$unset ?? {}).sort();
    expect(unset).toEqual(['enrichment', 'firstCreated', 'source', 'type']);
  });
});

describe('boundedRevisions at the size limit', () => {
  const revisions: VersionRevision[] = [
    { contentHash: 'a', ninjs: { body: 'x'.repeat(100) }, supersededAt: now },
    { contentHash: 'b', ninjs: { body: 'y'.repeat(100) }, supersededAt: now },
  ];
  const size = BSON.calculateObjectSize({ revisions });

  it('keeps every content when the document fits exactly', () => {
    const kept = boundedRevisions(revisions, 10, 10 + size);
    expect(kept.map((r) => r.contentOmitted ?? false)).toEqual([false, false]);
  });

  it('drops the content of the oldest first when one byte is missing', () => {
    const kept = boundedRevisions(revisions, 10, 10 + size - 1);
    expect(kept.map((r) => [r.contentHash, r.contentOmitted ?? false, r.ninjs === undefined])).toEqual([
      ['a', true, true],
      ['b', false, false],
    ]);
    expect(revisions[0].ninjs).toBeDefined(); // the input is not changed
  });
});
