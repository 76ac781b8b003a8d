/**
 * The bookkeeping an idempotent consumer of `articles.normalized` needs: per story (uri), the latest version seen,
 * its content hash and whether the story was killed. Pure: no Kafka, so it can be tested and reused on its own.
 *
 * Rules (the same the Wiredesk archive applies, docs/consumers.md):
 * - a higher version replaces the current one; a lower one is stale and ignored (sources send versions out of order);
 * - the same content hash as the current version is a duplicate (a redelivery, a replay, the same story through a
 *   second channel), whatever the version number says;
 * - the same version with other content is ignored: the first content of a version wins;
 * - a kill (wd-event `canceled` or pubStatus `canceled`) cancels the story for good: later versions change nothing,
 *   and the repeated `canceled` events (the enricher's and the archive's) are duplicates.
 */

export type Decision =
  /** first version of a story this consumer has seen: act on it */
  | 'created'
  /** a higher version of a known story: act on it */
  | 'updated'
  /** the story was killed: withdraw it downstream */
  | 'canceled'
  /** seen before (same content, or a repeated kill): do nothing */
  | 'duplicate'
  /** older than, or the same version as, what is current: do nothing */
  | 'stale'
  /** the story was killed earlier: do nothing */
  | 'ignored-after-cancel';

/** What the consumer reads from one message (see `readArticleEvent`). */
export interface ArticleEvent {
  uri: string;
  version: string;
  contentHash: string;
  canceled: boolean;
}

export interface StoryState {
  version: string;
  contentHash: string;
  canceled: boolean;
}

/** ninjs versions are strings; Wiredesk writes whole numbers ("1", "2", …). Numbers compare as numbers. */
export function compareVersions(a: string, b: string): number {
  const x = /^\d+$/.test(a) ? BigInt(a) : undefined;
  const y = /^\d+$/.test(b) ? BigInt(b) : undefined;
  if (x !== undefined && y !== undefined) return x === y ? 0 : x > y ? 1 : -1;
  return a.localeCompare(b);
}

export class StoryLedger {
  private readonly stories = new Map<string, StoryState>();

  /** Decides what an event means for the story and records it. Calling it again with the same event is harmless. */
  apply(event: ArticleEvent): Decision {
    const current = this.stories.get(event.uri);
    if (event.canceled) {
      if (current?.canceled) return 'duplicate';
      // a kill may carry a lower version than the one we hold: the story is canceled all the same
      const keep = current && compareVersions(current.version, event.version) > 0 ? current : event;
      this.stories.set(event.uri, { version: keep.version, contentHash: keep.contentHash, canceled: true });
      return 'canceled';
    }
    if (!current) {
      this.stories.set(event.uri, { version: event.version, contentHash: event.contentHash, canceled: false });
      return 'created';
    }
    if (current.canceled) return current.contentHash === event.contentHash ? 'duplicate' : 'ignored-after-cancel';
    if (current.contentHash === event.contentHash) return 'duplicate';
    if (compareVersions(event.version, current.version) <= 0) return 'stale';
    this.stories.set(event.uri, { version: event.version, contentHash: event.contentHash, canceled: false });
    return 'updated';
  }

  /** Puts a story back as it was (`undefined`: unknown), e.g. when acting on a decision failed and will be retried. */
  restore(uri: string, state: StoryState | undefined): void {
    if (state) this.stories.set(uri, { ...state });
    else this.stories.delete(uri);
  }

  get(uri: string): StoryState | undefined {
    const state = this.stories.get(uri);
    return state ? { ...state } : undefined;
  }

  get size(): number {
    return this.stories.size;
  }
}
