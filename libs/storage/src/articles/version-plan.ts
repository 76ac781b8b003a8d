import type { ArticleOutcomeKind } from './article-input';

/** The stored state of one story, as read before a batch is written. */
export interface StoredStory {
  version: number;
  contentHash: string;
  canceled: boolean;
  /** a kill was stored but its `canceled` event has not been confirmed as published yet */
  cancelEventPending: boolean;
  /** the content hash of a revision whose `updated` event has not been confirmed as published yet */
  revisionEventPending?: string;
}

/** One incoming version of the story, in the order the batch delivered it (Kafka order for one key). */
export interface IncomingVersion {
  version: number;
  contentHash: string;
  kill: boolean;
  /** a re-derivation of replayed raw copy (`wd-replay: true`): it may replace the content of the current version */
  replay?: boolean;
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
  /**
   * index of a replay whose content replaces that of the current version (same version number, new derivation):
   * the current document and the version's document take it, the version keeps the earlier one in its revisions
   */
  revise?: number;
}

/**
 * Decides, without touching the store, what a batch of versions of ONE story does. The rules (docs/contracts.md, Identity):
 * - identical content to the current version (same content hash) is a no-op, whatever channel or version it came in;
 * - a version already stored (same version number) is never replaced; a replay of it is `unchanged`;
 * - except by a replay (`wd-replay`) of the CURRENT version with other content: the pipeline derived that same source
 *   version better (an improved parser or enrichment), so the content is `revised` in place; the earlier derivation
 *   is kept with the version (never a new version). Only the current version of a live story is revised, and only
 *   from the stored state (not after another write to the story in the same batch); anything else stays `stale`.
 *   A revision reports `revised` until its `updated` event has been published (like a kill, below);
 * - a higher version replaces the current one; a lower or equal one never does, but is kept (`stale`);
 * - other content under a version number already stored, neither a replay nor a kill, is a `conflict`: two different
 *   stories claim the same source id and version (an agency reusing ids, a producer's bug). Neither is a correction
 *   (that takes a higher version), so the first stays and the second is dead-lettered VERSION_CONFLICT, never
 *   dropped silently;
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
  // every content seen for a version number (stored, revised or earlier in this batch): one of them again is a
  // re-delivery, anything else under a stored number is a second story claiming it
  const seen = new Map([...storedVersions].map(([version, hash]) => [version, new Set([hash])]));
  const see = (version: number, hash: string) => {
    const hashes = seen.get(version);
    if (hashes) hashes.add(hash);
    else seen.set(version, new Set([hash]));
  };

  incoming.forEach((item, index) => {
    const storedHash = versions.get(item.version);
    const alreadyStored = storedHash !== undefined;
    // the same version with other content never overwrites: the first one stored wins, unless a replay re-derived it
    if (alreadyStored && storedHash !== item.contentHash) {
      if (current && isRevisionOfCurrent(item, current, plan)) {
        plan.revise = index;
        versions.set(item.version, item.contentHash);
        see(item.version, item.contentHash);
        // this batch publishes the event: a second copy of the replay in it is a mere re-delivery
        current = { ...current, contentHash: item.contentHash, revisionEventPending: undefined };
        plan.outcomes.push('revised');
        return;
      }
      const redelivery = item.replay || item.kill || seen.get(item.version)?.has(item.contentHash);
      plan.outcomes.push(redelivery ? 'stale' : 'conflict');
      return;
    }
    // a revision stored before whose `updated` event was not confirmed (a crash in between): report it again
    if (!item.kill && current && !current.canceled && isPendingRevision(item, current)) {
      current = { ...current, revisionEventPending: undefined };
      plan.outcomes.push('revised');
      return;
    }
    // identical content to the current version: a re-delivery (another channel, a replay), not a new version
    if (!item.kill && current && current.contentHash === item.contentHash) {
      plan.outcomes.push('unchanged');
      return;
    }
    if (!alreadyStored) {
      versions.set(item.version, item.contentHash);
      see(item.version, item.contentHash);
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
  // a higher version or a kill later in the batch supersedes the revision: the version still keeps its better
  // derivation, but the story is not `updated` to it
  if (plan.revise !== undefined && (plan.currentWrite !== undefined || plan.cancelBy !== undefined)) {
    plan.outcomes[plan.revise] = 'stale';
  }
  return plan;
}

/** A replayed re-derivation of the current version of a live story, with nothing else written to it in this batch. */
function isRevisionOfCurrent(item: IncomingVersion, current: StoredStory, plan: StoryPlan): boolean {
  return (
    item.replay === true &&
    !item.kill &&
    !current.canceled &&
    item.version === current.version &&
    plan.currentWrite === undefined &&
    plan.revise === undefined &&
    plan.cancelBy === undefined
  );
}

function isPendingRevision(item: IncomingVersion, current: StoredStory): boolean {
  return (
    current.revisionEventPending === item.contentHash &&
    current.contentHash === item.contentHash &&
    current.version === item.version
  );
}
