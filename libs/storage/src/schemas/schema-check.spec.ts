import mongoose from 'mongoose';
import { toArticleRecord } from '../articles/article-record';
import { ArticleSchema } from './article.schema';
import { RawCopySchema } from './raw-copy.schema';
import { compileSchemaCheck } from './schema-check';

const Article = mongoose.model('SchemaCheckArticle', ArticleSchema);
const check = compileSchemaCheck(ArticleSchema);

const record = () => ({
  ...toArticleRecord({
    ninjs: {
      uri: 'urn:x:1',
      version: '2',
      headlines: [{ role: 'main', value: 'Flood waters rise in Ghent' }],
      bodies: [{ contentType: 'text/plain', value: 'The Scheldt rose overnight.' }],
      people: [{ name: 'Mathias De Clercq' }],
      places: [{ name: 'Ghent', uri: 'http://sws.geonames.org/2797656/' }],
    },
    contentHash: 'abcdef0123456789',
    ingestId: 'i-1',
    source: 'Belga',
    receivedAt: new Date('2024-03-01T00:00:00Z'),
    origin: { topic: 'articles.normalized', partition: 0, offset: '4' },
  }),
  _id: 'urn:x:1',
  createdAt: new Date(),
  updatedAt: new Date(),
});

/** mongoose's own verdict on the same document, for parity */
const mongooseSays = (doc: Record<string, unknown>) => new Article(doc).validateSync()?.message;

describe('compileSchemaCheck', () => {
  it('passes a record the archive builds, as mongoose does', () => {
    expect(check(record())).toBeUndefined();
    expect(mongooseSays(record())).toBeUndefined();
  });

  const broken: [string, (doc: Record<string, unknown>) => void, RegExp][] = [
    ['a missing uri', (d) => delete d.uri, /Path `uri` is required/],
    ['an empty uri', (d) => (d.uri = ''), /Path `uri` is required/],
    [
      'a uri over 1024 characters',
      (d) => (d.uri = 'u'.repeat(1025)),
      /`uri` is longer than the maximum allowed length/,
    ],
    ['a short content hash', (d) => (d.contentHash = 'abc'), /`contentHash` is shorter than the minimum/],
    ['a negative version', (d) => (d.version = -1), /`version` \(-1\) is less than minimum allowed value \(0\)/],
    ['an unknown pubStatus', (d) => (d.pubStatus = 'gone'), /`gone` is not a valid enum value for path `pubStatus`/],
    ['an invalid date', (d) => (d.versionCreated = new Date(Number.NaN)), /versionCreated/],
    [
      'a long term',
      (d) => (d.terms = ['ok', 't'.repeat(65)]),
      /`terms.1` is longer than the maximum allowed length \(64\)/,
    ],
    [
      'a tag key over 2048 characters',
      (d) => (d.peopleTags = [{ key: 'k'.repeat(2049) }]),
      /`peopleTags.0.key` is longer than the maximum allowed length \(2048\)/,
    ],
    ['a tag without key', (d) => (d.placeTags = [{ name: 'Ghent' }]), /`placeTags.0.key` is required/],
    ['a long ingest source', (d) => (d.ingest = { source: 's'.repeat(257) }), /`ingest.source` is longer than/],
    [
      'an ingest origin without partition',
      (d) => (d.ingest = { origin: { topic: 't' } }),
      /`ingest.origin.partition` is required/,
    ],
  ];

  it.each(broken)('refuses %s, as mongoose does', (_, breakIt, message) => {
    const doc = record() as unknown as Record<string, unknown>;
    breakIt(doc);
    expect(check(doc)).toMatch(message);
    expect(mongooseSays(doc)).toBeDefined();
  });

  it('checks the raw copy schema: bytes, a GridFS file id, dotted paths', () => {
    const raw = {
      _id: 'i-1',
      ingestId: 'i-1',
      size: 3,
      sha256: 'a'.repeat(64),
      bytes: Buffer.from('abc'),
      gridFsId: new mongoose.Types.ObjectId(),
      headers: [{ name: 'wd-source', value: 'Belga' }],
      receivedAt: new Date(),
      origin: { topic: 'wire.raw', partition: 0, offset: '1' },
      storedAt: new Date(),
    };
    const checkRaw = compileSchemaCheck(RawCopySchema);
    expect(checkRaw(raw)).toBeUndefined();
    expect(checkRaw({ ...raw, bytes: 'abc' })).toMatch(/Cast to Buffer failed for path `bytes`/);
    expect(checkRaw({ ...raw, gridFsId: 'f' })).toMatch(/Cast to ObjectId failed/);
    expect(checkRaw({ ...raw, origin: { topic: 't', partition: 'zero' } })).toMatch(/`origin.partition`/);
    expect(checkRaw({ ...raw, headers: [{ value: 'v' }] })).toMatch(/`headers.0.name` is required/);
  });

  it('checks types without casting (a number is not a string)', () => {
    const doc = { ...record(), headline: 42 } as unknown as Record<string, unknown>;
    expect(check(doc)).toMatch(/Cast to String failed for path `headline`/);
  });

  it('refuses to compile a schema with rules it does not know, rather than pass documents silently', () => {
    const custom = new mongoose.Schema({ n: { type: Number, validate: (v: number) => v % 2 === 0 } });
    expect(() => compileSchemaCheck(custom)).toThrow(/user defined validator/);
    const decimal = new mongoose.Schema({ amount: mongoose.Schema.Types.Decimal128 });
    expect(() => compileSchemaCheck(decimal)).toThrow(/Decimal128/);
  });
});
