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

/**
 * The most frequent tags of one kind among the live stories (killed ones left out) whose current version falls in
 * the window. Grouped by the tag's key (its URI, else its lowercased name): a tag spelled two ways (Britain / United
 * Kingdom, same URI) counts once per story, under the name most stories use.
 */
export function countTags(entries: Iterable<TimelineEntry>, kind: TagKind, window: TagWindow): TagCount[] {
  const since = window.since.getTime();
  const until = window.until.getTime();
  const language = window.language?.trim().toLowerCase();
  const source = window.source?.trim().toLowerCase();
  const byKey = new Map<string, { count: number; names: Map<string, number>; uri?: string }>();
  for (const e of entries) {
    if (e.t < since || e.t >= until || e.status === 'canceled') continue;
    if (language !== undefined && e.language !== language) continue;
    if (source !== undefined && e.source !== source) continue;
    for (const tag of e.tags[kind]) {
      const entry = byKey.get(tag.key) ?? { count: 0, names: new Map<string, number>(), uri: tag.uri };
      entry.count += 1;
      if (tag.name) entry.names.set(tag.name, (entry.names.get(tag.name) ?? 0) + 1);
      byKey.set(tag.key, entry);
    }
  }
  return [...byKey.values()]
    .map((entry) => {
      const name = [...entry.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      return { ...(name ? { name } : {}), ...(entry.uri ? { uri: entry.uri } : {}), count: entry.count };
    })
    .sort((a, b) => b.count - a.count || (a.name ?? a.uri ?? '').localeCompare(b.name ?? b.uri ?? ''))
    .slice(0, window.limit);
}
