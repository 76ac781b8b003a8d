import { Schema, type InferSchemaType } from 'mongoose';

export const RAW_COPY_MODEL = 'RawCopy';
export const RAW_COLLECTION = 'raw';
export const RAW_FILES_BUCKET = 'raw_files';
/** larger copies go to GridFS: a MongoDB document holds at most 16 MB, and big inline binaries slow every read */
export const RAW_INLINE_MAX_BYTES = 8 * 1024 * 1024;

const HeaderSchema = new Schema(
  { name: { type: String, required: true, maxlength: 256 }, value: { type: String, maxlength: 65536 } },
  { _id: false },
);

/**
 * `raw`: the copy exactly as received, by ingest id (`_id`), for audit and replay. Headers are stored as a list of
 * name/value pairs because header names may contain characters a BSON key may not ('.', leading '$').
 * Either `bytes` (inline) or `gridFsId` (a file of the `raw_files` bucket) holds the content.
 */
export const RawCopySchema = new Schema(
  {
    /** the ingest id */
    _id: { type: String, required: true },
    ingestId: { type: String, required: true, minlength: 1, maxlength: 256 },
    size: { type: Number, required: true, min: 0 },
    sha256: { type: String, required: true, length: 64 },
    bytes: Buffer,
    gridFsId: Schema.Types.ObjectId,
    headers: { type: [HeaderSchema], default: [] },
    key: { type: String, maxlength: 4096 },
    receivedAt: { type: Date, required: true },
    source: { type: String, maxlength: 256 },
    channel: { type: String, maxlength: 64 },
    contentType: { type: String, maxlength: 512 },
    filename: { type: String, maxlength: 2048 },
    origin: {
      topic: String,
      partition: Number,
      offset: String,
    },
    /** true when the message had no wd-ingest-id and the id was derived from its Kafka position */
    ingestIdDerived: Boolean,
    storedAt: { type: Date, required: true },
  },
  { collection: RAW_COLLECTION, versionKey: false, minimize: false, autoIndex: false, strict: true },
);

// replay by time range, optionally by source
RawCopySchema.index({ receivedAt: -1 }, { name: 'received' });
RawCopySchema.index({ source: 1, receivedAt: -1 }, { name: 'source_received' });

export type RawCopyDocument = InferSchemaType<typeof RawCopySchema>;
