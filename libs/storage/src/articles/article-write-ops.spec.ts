import type { Ninjs } from '@wiredesk/ninjs';
import { storeProfile } from '../store-profile';
import { toArticleRecord } from './article-record';
import { cancelStoryOp, currentWriteOp, newStoryDoc, versionInsertDoc } from './article-write-ops';

const now = new Date('2024-03-01T00:00:00Z');
const record = (extra: Partial<Ninjs> = {}) =>
  toArticleRecord({ ninjs: { uri: 'urn:x:1', version: '3', ...extra }, contentHash: 'abcdef0123456789' });
const mongodb = storeProfile('mongodb');
const ferretdb = storeProfile('ferretdb');

describe('article write ops', () => {
  it('guards the current write by version and kill status where guards are atomic', () => {
    const op = currentWriteOp(record(), now, mongodb) as { updateOne: { filter: unknown; upsert: boolean } };
    expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1', version: { $lt: 3 }, pubStatus: { $ne: 'canceled' } });
    expect(op.updateOne.upsert).toBe(true);
  });

  it('names the story by _id alone on FerretDB (the plan under the story lock decides) and lists versions inline', () => {
    const op = currentWriteOp(record(), now, ferretdb, [{ v: 3, h: 'abcdef0123456789' }]) as {
      updateOne: { filter: unknown; update: Record<string, unknown> };
    };
    expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1' });
    expect(op.updateOne.update.$addToSet).toEqual({ versionHashes: { $each: [{ v: 3, h: 'abcdef0123456789' }] } });
  });

  it('lets a kill replace a killed story only through its own guard, and marks the event pending', () => {
    const op = currentWriteOp(record({ pubStatus: 'canceled' }), now, mongodb) as {
      updateOne: { filter: unknown; update: { $set: Record<string, unknown> } };
    };
    expect(op.updateOne.filter).toEqual({ _id: 'urn:x:1', version: { $lt: 3 } });
    expect(op.updateOne.update.$set).toMatchObject({
      pubStatus: 'canceled',
      cancelEventPending: true,
      canceledByVersion: 3,
    });
    expect(cancelStoryOp(record(), now, mongodb)).toMatchObject({
      updateOne: { filter: { _id: 'urn:x:1', pubStatus: { $ne: 'canceled' } } },
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
});
