import type { StoreModel } from '../bulk';
import { versionId } from '../schemas/article-version.schema';
import { readByIds, type StoreProfile } from '../store-profile';
import type { TimelineRef } from '../timeline/timeline-entry';
import { isKill } from './article-record';
import type { StoredDerivation, VersionHash } from './article-write-ops';
import { planStory, type StoredStory } from './version-plan';
import type { PlannedStory, PreparedItem } from './write-plan';

/** Step 1 of the write path: what the store holds of a batch's stories, and the plan per story made from it. */

/** The fields of `articles` the write path reads back. */
interface StoryState {
  uri: string;
  version: number;
  contentHash: string;
  pubStatus: string;
  cancelEventPending?: boolean;
  revisionEventPending?: string;
  versionHashes?: VersionHash[];
  timeline?: TimelineRef;
}

/** The stories of a batch, each planned from its stored document (read by `_id`). */
export async function planStories(
  prepared: PreparedItem[],
  articles: StoreModel,
  profile: StoreProfile,
): Promise<PlannedStory[]> {
  const byUri = new Map<string, PreparedItem[]>();
  for (const item of prepared) {
    const list = byUri.get(item.record.uri) ?? [];
    list.push(item);
    byUri.set(item.record.uri, list);
  }
  const uris = [...byUri.keys()];
  const states = await readStates(uris, articles, profile);
  return uris.map((uri) => {
    const items = byUri.get(uri)!;
    const state = states.get(uri);
    const stored: StoredStory | undefined = state && {
      version: state.version,
      contentHash: state.contentHash,
      canceled: state.pubStatus === 'canceled',
      cancelEventPending: state.cancelEventPending === true,
      ...(state.revisionEventPending ? { revisionEventPending: state.revisionEventPending } : {}),
    };
    const storedVersions = new Map((state?.versionHashes ?? []).map((vh) => [vh.v, vh.h] as const));
    const plan = planStory(
      stored,
      storedVersions,
      items.map(({ record, replay }) => ({
        version: record.version,
        contentHash: record.contentHash,
        kill: isKill(record.ninjs),
        replay,
      })),
    );
    return {
      uri,
      items,
      plan,
      ...(state && {
        stored: {
          contentHash: state.contentHash,
          canceled: state.pubStatus === 'canceled',
          versionHashes: state.versionHashes ?? [],
          ...(state.timeline ? { timeline: state.timeline } : {}),
        },
      }),
    };
  });
}

async function readStates(
  uris: string[],
  articles: StoreModel,
  profile: StoreProfile,
): Promise<Map<string, StoryState>> {
  const fields = {
    uri: 1,
    version: 1,
    contentHash: 1,
    pubStatus: 1,
    cancelEventPending: 1,
    revisionEventPending: 1,
    versionHashes: 1,
    timeline: 1,
  };
  const docs = await readByIds<StoryState>(articles, uris, fields, profile);
  return new Map(docs.map((doc) => [doc.uri, doc]));
}

/** The stored derivation of every version a plan revises, by version _id (the content its revisions keep). */
export async function readRevisedVersions(
  stories: PlannedStory[],
  versions: StoreModel,
  profile: StoreProfile,
): Promise<Map<string, StoredDerivation>> {
  const ids = stories
    .filter((s) => s.plan.revise !== undefined)
    .map((s) => {
      const { record } = s.items[s.plan.revise!];
      return versionId(record.uri, record.version);
    });
  const fields = {
    uri: 1,
    version: 1,
    contentHash: 1,
    ninjs: 1,
    enrichment: 1,
    ingest: 1,
    storedAt: 1,
    revisedAt: 1,
    revisions: 1,
  };
  const docs = await readByIds<StoredDerivation & { uri: string; version: number }>(versions, ids, fields, profile);
  return new Map(
    docs.map((doc) => {
      const { uri, version, ...derivation } = doc;
      return [versionId(uri, version), derivation];
    }),
  );
}
