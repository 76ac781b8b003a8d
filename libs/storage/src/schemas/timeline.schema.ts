import { Schema } from 'mongoose';

export const TIMELINE_MODEL = 'Timeline';
export const TIMELINE_COLLECTION = 'timeline';
export const COUNTER_MODEL = 'Counter';
export const COUNTERS_COLLECTION = 'counters';

/**
 * `timeline`: ten-minute buckets of story entries (`b:<slot>`, field `m`), directories of slots per filter value
 * (`d:…`, field `b`) and the buckets' stamps per day (`s:<day>`, field `hs`), all found by `_id` (see
 * timeline/timeline-entry.ts and timeline/bucket-tag-cache.ts). Kept by the archive's write path.
 */
export const TimelineSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** bucket: the entries (encoded strings) of the stories whose current version falls in its ten minutes */
    m: { type: [String], default: undefined },
    /** directory: the slots (ten minutes since the epoch) whose bucket holds a story with this filter value */
    b: { type: [Number], default: undefined },
    /** bucket: the stamp of the batch that changed it last (timeline/bucket-tag-cache.ts) */
    s: { type: String, default: undefined },
    /** day stamps (`s:<day>`): `b<slot>` → the stamp of that slot's bucket */
    hs: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: TIMELINE_COLLECTION, versionKey: false, minimize: false, autoIndex: false, strict: true },
);

/** `counters`: totals kept at write time (`articles`: stories stored; `raw`: raw copies), read by GET /v1/stats. */
export const CounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    n: { type: Number, required: true, default: 0 },
  },
  { collection: COUNTERS_COLLECTION, versionKey: false, minimize: false, autoIndex: false, strict: true },
);

export const STORIES_COUNTER = 'articles';
export const RAW_COPIES_COUNTER = 'raw';
/** the shape the timeline is written in (timeline-backfill.ts builds it again when this changes) */
export const TIMELINE_FORMAT = 'timeline-format';
export const TIMELINE_FORMAT_VERSION = 2;
