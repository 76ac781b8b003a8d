import { Schema } from 'mongoose';

export const TIMELINE_MODEL = 'Timeline';
export const TIMELINE_COLLECTION = 'timeline';
export const COUNTER_MODEL = 'Counter';
export const COUNTERS_COLLECTION = 'counters';

/**
 * `timeline`: hour buckets of story entries (`h:<hour>`, field `m`) and directories of hours per filter value
 * (`d:…`, field `h`), all found by `_id` (see timeline/timeline-entry.ts). Kept by the archive's write path.
 */
export const TimelineSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** bucket: the entries (encoded strings) of the stories whose current version falls in this hour */
    m: { type: [String], default: undefined },
    /** directory: hours (since the epoch) whose bucket holds a story with this filter value */
    h: { type: [Number], default: undefined },
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
