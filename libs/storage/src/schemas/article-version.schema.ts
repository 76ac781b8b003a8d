import { Schema, type InferSchemaType } from 'mongoose';
import { IngestInfoSchema, MAX_URI_LENGTH, PUB_STATUSES } from './article.schema';

export const ARTICLE_VERSION_MODEL = 'ArticleVersion';
export const ARTICLE_VERSIONS_COLLECTION = 'article_versions';

/**
 * `article_versions`: every version of every story, immutable. The one change ever made to a stored version is the
 * status a kill gives it (`pubStatus` canceled); `originalPubStatus` keeps what the version said itself.
 * Unique on (uri, version): replays land on the existing version and change nothing, except a replay marked
 * `wd-replay` that re-derived the current version differently (an improved parser or enrichment): the version then
 * holds the new derivation and keeps every earlier one, as stored, in `revisions` (article-write-ops.ts, Revisions).
 */
/** The primary key of a version: the uri and the version number ("urn:x:1#v3"; the part after the last #v). */
export function versionId(uri: string, version: number): string {
  return `${uri}#v${version}`;
}

export const ArticleVersionSchema = new Schema(
  {
    /** versionId(uri, version) */
    _id: { type: String, required: true },
    uri: { type: String, required: true, minlength: 1, maxlength: MAX_URI_LENGTH },
    version: { type: Number, required: true, min: 0 },
    versionLabel: { type: String, maxlength: 64 },
    contentHash: { type: String, required: true, minlength: 8, maxlength: 256 },
    pubStatus: { type: String, required: true, enum: PUB_STATUSES },
    originalPubStatus: { type: String, required: true, enum: PUB_STATUSES },
    ninjs: { type: Schema.Types.Mixed, required: true },
    versionCreated: { type: Date, required: true },
    enrichment: Schema.Types.Mixed,
    ingest: { type: IngestInfoSchema, default: {} },
    canceledAt: Date,
    storedAt: { type: Date, required: true },
    /** when a replay last re-derived the content */
    revisedAt: Date,
    /** earlier derivations of this version, oldest first, bounded (VersionRevision of article-write-ops.ts) */
    revisions: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: ARTICLE_VERSIONS_COLLECTION, versionKey: false, minimize: false, autoIndex: false, strict: true },
);

ArticleVersionSchema.index({ uri: 1, version: 1 }, { unique: true, name: 'uri_version_unique' });
// which versions came from one raw delivery (audit, replay, the fault-injection counts)
ArticleVersionSchema.index({ 'ingest.ingestId': 1 }, { name: 'ingest_id' });

export type ArticleVersionDocument = InferSchemaType<typeof ArticleVersionSchema>;
