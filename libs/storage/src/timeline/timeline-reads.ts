import { mapLimited } from '@wiredesk/platform';
import type { Document } from 'mongodb';
import type { StoreModel } from '../bulk';
import type { QueryDeadline } from '../query-deadline';
import type { StoreProfile } from '../store-profile';

/** Timeline documents by `_id` (the one filter FerretDB answers from an index), missing ones left out, in time. */
export function readTimeline<T>(
  timeline: StoreModel,
  ids: string[],
  fields: Document,
  deadline: QueryDeadline,
  profile: StoreProfile,
): Promise<T[]> {
  // the _id is wanted here: readByIds leaves it out unless asked for by name
  return deadline.run(() =>
    mapLimited(ids, profile.readConcurrency, (id) =>
      timeline.findOne({ _id: id }, fields).maxTimeMS(deadline.remaining()).lean<T>(),
    ).then((docs) => docs.filter((d): d is NonNullable<typeof d> => d !== null) as T[]),
  );
}
