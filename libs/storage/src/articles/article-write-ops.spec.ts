import type { Ninjs } from '@wiredesk/ninjs';
import { toArticleRecord } from './article-record';
import {
  boundedRevisions,
  cancelStoryOp,
  cancelVersionsOps,
  currentWriteOp,
  MAX_REVISIONS,
  newStoryDoc,
  reviseCurrentOp,
  reviseVersionOp,
  versionInsertDoc,
  type VersionRevision,
} from './article-write-ops';

const now = new Date('2024-03-01T00:00:00Z');
const record = (extra: Partial<Ninjs> = {}) =>
  toArticleRecord({ ninjs: { uri: 'urn:x:1', version: '3', ...extra }, contentHash: 'abcdef0123456789' });
const filterOf = (op: unknown) => (op as { updateOne: { filter: unknown } }).updateOne.filter;

describe('article write ops', () => {
  it("cancels a killed story's versions one by one, by _id, keeping the first cancellation time", () => {
    const ops = cancelVersionsOps('urn:x:1', [1, 2, 2], now);
    expect(ops.map(filterOf)).toEqual([{ _id: 'urn:x:1#v1' }, { _id: 'urn:x:1#v2' }]);
    expect(ops[0]).toMatchObject({ updateOne: { update: { $min: { canceledAt: now } } } });
  });

  it('names the story by _id alone (the plan under the story lock decides), lists versions and records its entry', () => {
    const ref = { b: 'b:1', m: '["urn:x:1"]' };
    const op = currentWriteOp(record(), now, [{ v: 3, h: 'abcdef0123456789' }], ref) as {
      updateOne: { filter: unknown; update: Record<string, Record<string, unknown>>; upsert: boolean };
    };
    expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1' });
    expect(op.updateOne.upsert).toBe(true);
    expect(op.updateOne.update.$addToSet).toEqual({ versionHashes: { $each: [{ v: 3, h: 'abcdef0123456789' }] } });
    expect(op.updateOne.update.$set.timeline).toEqual(ref);
  });

  it('marks a kill pending its event, on the current write and on a kill of an earlier version', () => {
    const op = currentWriteOp(record({ pubStatus: 'canceled' }), now) as {
      updateOne: { filter: unknown; update: { $set: Record<string, unknown> } };
    };
    expect(op.updateOne.update.$set).toMatchObject({
      pubStatus: 'canceled',
      cancelEventPending: true,
      canceledByVersion: 3,
    });
    expect(op.updateOne.update.$set).not.toHaveProperty('timeline');
    expect(cancelStoryOp(record(), now)).toMatchObject({
      updateOne: { filter: { _id: 'urn:x:1' }, update: { $set: { pubStatus: 'canceled', cancelEventPending: true } } },
    });
  });

  it('keys a version by uri and number and cancels it when its story is killed', () => {
    const doc = versionInsertDoc(record(), true, now);
    expect(doc).toMatchObject({
      _id: 'urn:x:1#v3',
      uri: 'urn:x:1',
      version: 3,
      pubStatus: 'canceled',
      originalPubStatus: 'usable',
      ninjs: { pubStatus: 'canceled' },
      canceledAt: now,
    });
  });

  it('creates a new story with its versions listed', () => {
    expect(newStoryDoc(record(), [{ v: 3, h: 'h' }], now)).toMatchObject({
      _id: 'urn:x:1',
      uri: 'urn:x:1',
      version: 3,
      versionHashes: [{ v: 3, h: 'h' }],
      createdAt: now,
    });
  });

  describe('revisions', () => {
    const firstStored = new Date('2024-02-01T00:00:00Z');
    const better = toArticleRecord({
      ninjs: { uri: 'urn:x:1', version: '3', headlines: [{ role: 'main', value: 'Better' }] },
      contentHash: 'fedcba9876543210',
      enrichment: { language: 'en' },
    });
    const stored = {
      contentHash: 'abcdef0123456789',
      ninjs: { uri: 'urn:x:1', version: '3', headlines: [{ role: 'main', value: 'First' }] },
      enrichment: { language: 'fr' },
      ingest: { ingestId: 'i-1' },
      storedAt: firstStored,
    };
    type Update = { updateOne: { filter: unknown; update: { $set: Record<string, unknown>; $unset?: unknown } } };

    it('gives the version its new derivation and keeps the stored one, as it was, in its revisions', () => {
      const op = reviseVersionOp(better, stored, now, 15e6) as Update;
      expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1#v3' });
      const set = op.updateOne.update.$set;
      expect(set).toMatchObject({ contentHash: 'fedcba9876543210', ninjs: better.ninjs, revisedAt: now });
      expect(set).not.toHaveProperty('storedAt');
      expect(set.revisions).toEqual([
        {
          contentHash: 'abcdef0123456789',
          ninjs: stored.ninjs,
          enrichment: { language: 'fr' },
          ingest: { ingestId: 'i-1' },
          storedAt: firstStored,
          supersededAt: now,
        },
      ]);
    });

    it('writes nothing when the version already holds that derivation (a re-run after a crash)', () => {
      expect(reviseVersionOp(better, { ...stored, contentHash: 'fedcba9876543210' }, now, 15e6)).toBeUndefined();
    });

    it('keeps the newest revisions, and drops the content of the oldest before the document outgrows the store', () => {
      const many: VersionRevision[] = Array.from({ length: MAX_REVISIONS + 3 }, (_, i) => ({
        contentHash: `h${i}`,
        ninjs: { text: 'x'.repeat(1000) },
        supersededAt: now,
      }));
      const kept = boundedRevisions(many, 0, 1e9);
      expect(kept.map((r) => r.contentHash)).toEqual(many.slice(-MAX_REVISIONS).map((r) => r.contentHash));
      const tight = boundedRevisions(many, 0, 5000);
      expect(tight).toHaveLength(MAX_REVISIONS);
      expect(tight[0]).toEqual({ contentHash: 'h3', supersededAt: now, contentOmitted: true });
      expect(tight[MAX_REVISIONS - 1].ninjs).toBeDefined();
    });

    it('replaces the current content of the same version only, lists its new hash and marks the event pending', () => {
      const op = reviseCurrentOp(
        better,
        [
          { v: 2, h: 'b' },
          { v: 3, h: 'abcdef0123456789' },
        ],
        now,
      ) as Update;
      expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1' });
      expect(op.updateOne.update.$set).toMatchObject({
        contentHash: 'fedcba9876543210',
        headline: 'Better',
        versionHashes: [
          { v: 2, h: 'b' },
          { v: 3, h: 'fedcba9876543210' },
        ],
        revisionEventPending: 'fedcba9876543210',
        revisedAt: now,
      });
      // what the new derivation no longer says is removed, not kept from the old one
      expect(op.updateOne.update.$unset).toMatchObject({ language: '' });
    });
  });
});
