import { Schema, type InferSchemaType } from 'mongoose';

export const ARTICLE_MODEL = 'Article';
export const ARTICLES_COLLECTION = 'articles';

export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;

/** A ninjs `uri` is any absolute URI; bounded so a hostile producer cannot make index keys huge. */
export const MAX_URI_LENGTH = 1024;

const TagRefSchema = new Schema(
  {
    key: { type: String, required: true, maxlength: 2048 },
    name: { type: String, maxlength: 1024 },
    uri: { type: String, maxlength: 2048 },
  },
  { _id: false },
);

const KafkaOriginSchema = new Schema(
  { topic: { type: String, required: true }, partition: { type: Number, required: true }, offset: String },
  { _id: false },
);

export const IngestInfoSchema = new Schema(
  {
    ingestId: { type: String, maxlength: 256 },
    source: { type: String, maxlength: 256 },
    channel: { type: String, maxlength: 64 },
    receivedAt: Date,
    origin: KafkaOriginSchema,
  },
  { _id: false },
);

const stringList = { type: [{ type: String, maxlength: 2048 }], default: [] };

/**
 * `articles`: one document per story (`_id` = `uri`), holding its current version. Besides the ninjs document it carries the
 * fields the query API filters on, denormalized and lowercased (`personKeys`, `subjectKeys`, `terms`, ...), so every
 * filter is an exact match, never a regular expression; the same keys go into the story's timeline entry.
 *
 * Validation happens in the application (the rules below, compiled by schema-check.ts): FerretDB, the development
 * store, does not implement collection validators.
 */
export const ArticleSchema = new Schema(
  {
    /** the uri: one document per story, found by its primary key (the only lookup FerretDB serves from an index) */
    _id: { type: String, required: true },
    uri: { type: String, required: true, minlength: 1, maxlength: MAX_URI_LENGTH },
    version: { type: Number, required: true, min: 0 },
    versionLabel: { type: String, maxlength: 64 },
    contentHash: { type: String, required: true, minlength: 8, maxlength: 256 },
    pubStatus: { type: String, required: true, enum: PUB_STATUSES },
    ninjs: { type: Schema.Types.Mixed, required: true },
    versionCreated: { type: Date, required: true },
    firstCreated: Date,
    type: { type: String, maxlength: 64 },
    language: { type: String, maxlength: 64 },
    source: { type: String, maxlength: 256 },
    headline: { type: String, maxlength: 10000 },
    peopleTags: { type: [TagRefSchema], default: [] },
    organisationTags: { type: [TagRefSchema], default: [] },
    placeTags: { type: [TagRefSchema], default: [] },
    subjectTags: { type: [TagRefSchema], default: [] },
    personKeys: stringList,
    organisationKeys: stringList,
    placeKeys: stringList,
    subjectKeys: stringList,
    terms: { type: [{ type: String, maxlength: 64 }], default: [] },
    headlineTerms: { type: [{ type: String, maxlength: 64 }], default: [] },
    leadTerms: { type: [{ type: String, maxlength: 64 }], default: [] },
    enrichment: Schema.Types.Mixed,
    ingest: { type: IngestInfoSchema, default: {} },
    canceledAt: Date,
    canceledByVersion: Number,
    /** a kill was stored and its `canceled` event is not yet confirmed published (outbox flag) */
    cancelEventPending: Boolean,
    cancelEventPublishedAt: Date,
    /** when a replay last re-derived the current version's content */
    revisedAt: Date,
    /** content hash of a revision whose `updated` event is not yet confirmed published (outbox mark) */
    revisionEventPending: String,
    revisionEventPublishedAt: Date,
    /** (version, content hash) of every stored version: a batch is planned from this document alone */
    versionHashes: {
      type: [new Schema({ v: { type: Number, required: true }, h: { type: String, required: true } }, { _id: false })],
      default: [],
    },
    /** the story's entry in the timeline (bucket id and entry), so the next write removes exactly it */
    timeline: new Schema({ b: { type: String, required: true }, m: { type: String, required: true } }, { _id: false }),
    createdAt: Date,
    updatedAt: Date,
  },
  { collection: ARTICLES_COLLECTION, versionKey: false, minimize: false, autoIndex: false, strict: true },
);

/**
 * Lists, tag counts and stats read the timeline by `_id` (timeline/timeline-entry.ts), not these indexes: the one
 * query left on other fields is a word search (`terms`, newest first), and the newest-first sort of a search by
 * other filters. (Databases created before keep the per-filter indexes of earlier versions until dropped.)
 */
const NEWEST = { versionCreated: -1, uri: -1 } as const;
ArticleSchema.index(NEWEST, { name: 'newest' });
ArticleSchema.index({ terms: 1, ...NEWEST }, { name: 'terms_newest' });

export type ArticleDocument = InferSchemaType<typeof ArticleSchema>;
