import type { ArticleOutcomeKind } from './article-input';

/** The stored state of one story, as read before a batch is written. */
export interface StoredStory {
  version: number;
  contentHash: string;
  canceled: boolean;
  /** a kill was stored but its `canceled` event has not been confirmed as published yet */
  cancelEventPending: boolean;
}

/** One incoming version of the story, in the order the batch delivered it (Kafka order for one key). */
export interface IncomingVersion {
  version: number;
  contentHash: string;
  kill: boolean;
}

export interface StoryPlan {
  /** per incoming version, same order */
  outcomes: ArticleOutcomeKind[];
  /** indexes (into the incoming list) of versions to add to article_versions */
  insertVersions: number[];
  /** index of the version that becomes the current document in `articles`, if any */
  currentWrite?: number;
  /** index of the kill to apply: the story and all its versions become canceled */
  cancelBy?: number;
}

/**
 * Decides, without touching the store, what a batch of versions of ONE story does. The rules (DESIGN.md, Identity):
 * - identical content to the current version (same content hash) is a no-op, whatever channel or version it came in;
 * - a version already stored (same version number) is never replaced; a replay of it is `unchanged`;
 * - a higher version replaces the current one; a lower or equal one never does, but is kept (`stale`);
 * - a kill marks the story canceled (and every version, including later ones); it reports `canceled` until the
 *   event has been published, so a crash between the write and the event cannot lose the event;
 * - after a kill the story stays canceled: later versions are kept, as canceled, and change nothing.
 *
 * `storedVersions` maps the version numbers already in article_versions to their content hash.
 */
export function planStory(
  stored: StoredStory | undefined,
  storedVersions: ReadonlyMap<number, string>,
  incoming: readonly IncomingVersion[],
): StoryPlan {
  const plan: StoryPlan = { outcomes: [], insertVersions: [] };
  let current = stored ? { ...stored } : undefined;
  const versions = new Map(storedVersions);

  incoming.forEach((item, index) => {
    const storedHash = versions.get(item.version);
    const alreadyStored = storedHash !== undefined;
    // the same version with other content never overwrites: the first one stored wins
    if (alreadyStored && storedHash !== item.contentHash) {
      plan.outcomes.push('stale');
      return;
    }
    // identical content to the current version: a re-delivery (another channel, a replay), not a new version
    if (!item.kill && current && current.contentHash === item.contentHash) {
      plan.outcomes.push('unchanged');
      return;
    }
    if (!alreadyStored) {
      versions.set(item.version, item.contentHash);
      plan.insertVersions.push(index);
    }

    if (item.kill) {
      if (current?.canceled) {
        // a replayed kill (or a second one): repeat the event only while the first has not been published
        plan.outcomes.push(current.cancelEventPending ? 'canceled' : 'unchanged');
        if (current.cancelEventPending) plan.cancelBy = index;
        return;
      }
      if (!current || item.version > current.version) {
        plan.currentWrite = index;
        current = { version: item.version, contentHash: item.contentHash, canceled: true, cancelEventPending: true };
      } else {
        current = { ...current, canceled: true, cancelEventPending: true };
      }
      plan.cancelBy = index;
      plan.outcomes.push('canceled');
      return;
    }

    if (current?.canceled) {
      plan.outcomes.push(alreadyStored ? 'unchanged' : 'stale');
      return;
    }
    if (!current) {
      plan.currentWrite = index;
      current = { version: item.version, contentHash: item.contentHash, canceled: false, cancelEventPending: false };
      plan.outcomes.push('created');
      return;
    }
    if (item.version > current.version) {
      plan.currentWrite = index;
      current = { ...current, version: item.version, contentHash: item.contentHash };
      plan.outcomes.push('updated');
      return;
    }
    plan.outcomes.push(alreadyStored ? 'unchanged' : 'stale');
  });
  return plan;
}
