import type { TagKind } from '../articles/article-record';
import type { TimelineEntry } from './timeline-entry';

export interface TagCount {
  /** the name most articles use for it */
  name?: string;
  uri?: string;
  count: number;
}

export interface TagWindow {
  since: Date;
  until: Date;
  limit: number;
  language?: string;
  source?: string;
}

/** Which stories of a window are counted, besides their time: live ones of this language and/or source. */
export interface TagScope {
  language?: string;
  source?: string;
}

export function scopeOf(window: TagWindow): TagScope {
  return {
    ...(window.language !== undefined ? { language: window.language.trim().toLowerCase() } : {}),
    ...(window.source !== undefined ? { source: window.source.trim().toLowerCase() } : {}),
  };
}

/** Is the story counted at all (its time aside)? Killed stories never are. */
export function inScope(e: TimelineEntry, scope: TagScope): boolean {
  if (e.status === 'canceled') return false;
  if (scope.language !== undefined && e.language !== scope.language) return false;
  if (scope.source !== undefined && e.source !== scope.source) return false;
  return true;
}

interface Tallied {
  count: number;
  names: Map<string, number>;
  uri?: string;
}

/** A tally frozen into plain arrays, a tenth of the memory of its maps: [key, count, uri, name, n, name, n…] each. */
export type FrozenTally = readonly (readonly [string, number, string, ...(string | number)[]])[];

/**
 * Tag counts of one kind, grouped by the tag's key (its URI, else its lowercased name): a tag spelled two ways
 * (Britain / United Kingdom, same URI) counts once per story, under the name most stories use. Tallies add up, so an
 * hour's tally can be kept and summed into many windows (bucket-tag-cache.ts).
 */
export class TagTally {
  private readonly byKey = new Map<string, Tallied>();

  addEntry(e: TimelineEntry, kind: TagKind): void {
    for (const tag of e.tags[kind]) {
      let tallied = this.byKey.get(tag.key);
      if (!tallied) {
        tallied = { count: 0, names: new Map<string, number>(), uri: tag.uri };
        this.byKey.set(tag.key, tallied);
      }
      tallied.count += 1;
      if (tag.name) tallied.names.set(tag.name, (tallied.names.get(tag.name) ?? 0) + 1);
    }
  }

  addFrozen(frozen: FrozenTally): void {
    for (const [key, count, uri, ...names] of frozen) {
      let ours = this.byKey.get(key);
      if (!ours) {
        ours = { count: 0, names: new Map<string, number>(), ...(uri ? { uri } : {}) };
        this.byKey.set(key, ours);
      }
      ours.count += count;
      for (let i = 0; i < names.length; i += 2) {
        const name = names[i] as string;
        ours.names.set(name, (ours.names.get(name) ?? 0) + (names[i + 1] as number));
      }
    }
  }

  freeze(): FrozenTally {
    return [...this.byKey].map(([key, { count, uri, names }]) => [key, count, uri ?? '', ...[...names].flat()]);
  }

  /** The `limit` most frequent, most frequent first (ties by name). */
  top(limit: number): TagCount[] {
    return [...this.byKey.values()]
      .map((entry) => {
        const name = [...entry.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
        return { ...(name ? { name } : {}), ...(entry.uri ? { uri: entry.uri } : {}), count: entry.count };
      })
      .sort((a, b) => b.count - a.count || (a.name ?? a.uri ?? '').localeCompare(b.name ?? b.uri ?? ''))
      .slice(0, limit);
  }
}

/**
 * The most frequent tags of one kind among the live stories whose current version falls in the window: the whole rule
 * in one function, which tag-count-reader.ts computes bucket by bucket (and its specs hold it to).
 */
export function countTags(entries: Iterable<TimelineEntry>, kind: TagKind, window: TagWindow): TagCount[] {
  const since = window.since.getTime();
  const until = window.until.getTime();
  const scope = scopeOf(window);
  const tally = new TagTally();
  for (const e of entries) {
    if (e.t >= since && e.t < until && inScope(e, scope)) tally.addEntry(e, kind);
  }
  return tally.top(window.limit);
}
