import type { Ninjs } from '@wiredesk/ninjs';
import { mapLimited } from '@wiredesk/platform';
import type { Document } from 'mongodb';
import type { StoreModel } from '../bulk';
import { QueryDeadline } from '../query-deadline';
import { versionId } from '../schemas/article-version.schema';
import { RAW_COPIES_COUNTER, STORIES_COUNTER } from '../schemas/timeline.schema';
import { readByIds, type StoreProfile } from '../store-profile';
import { relevance } from '../search/terms';
import { TagCountReader } from '../timeline/tag-count-reader';
import type { TagCount, TagWindow } from '../timeline/tag-counts';
import { readTimeline } from '../timeline/timeline-reads';
import {
  bucketId,
  compareNewestFirst,
  decodeEntry,
  directoriesFor,
  entryMatches,
  slotsToWalk,
  type TimelineEntry,
} from '../timeline/timeline-entry';
import {
  buildArticleFilter,
  compareRanked,
  NEWEST_FIRST,
  ninjsProjection,
  type ArticleFilter,
  type NinjsField,
  type PageKey,
  type RankedPageKey,
} from './article-query';
import type { TagKind } from './article-record';
import type { VersionHash } from './article-write-ops';
import type { ArticlePage, RankedPage, StoredArticle, StoredVersion } from './article-views';

export type { ArticlePage, RankedPage, StoredArticle, StoredVersion } from './article-views';

/**
 * The archive's reads. Every one is a set of `_id` lookups (indexed on MongoDB and on FerretDB), except a word
 * search, which filters `articles` on its `terms` index (MongoDB) or scans it (FerretDB). Each request has a time
 * budget (`timeLimitMs`) over all its queries: past it, QueryTimeoutError.
 */
export class ArticleReader {
  private readonly tags: TagCountReader;

  constructor(
    private readonly articles: StoreModel,
    private readonly versions: StoreModel,
    private readonly timeline: StoreModel,
    private readonly counters: StoreModel,
    private readonly profile: StoreProfile,
    private readonly timeLimitMs: number,
  ) {
    this.tags = new TagCountReader(timeline, profile);
  }

  /**
   * One page of stories, newest first (versionCreated, then uri), strictly after `after`. Walks the timeline (see
   * timeline-entry.ts) bucket by bucket, newest first, then reads the page's stories by `_id`. With words (`terms`), the
   * matching stories are found in `articles` instead.
   */
  async list(
    filter: ArticleFilter,
    page: { after?: PageKey; limit: number; fields?: NinjsField[] },
  ): Promise<ArticlePage> {
    const deadline = new QueryDeadline(this.timeLimitMs);
    if (filter.terms && filter.terms.length > 0) return this.scanList(filter, page, deadline);
    const entries = await this.walk(filter, page.limit + 1, deadline, page.after);
    const pageEntries = entries.slice(0, page.limit);
    const docs = await deadline.run(() =>
      readByIds<{ uri: string; ninjs: Ninjs }>(
        this.articles,
        pageEntries.map((e) => e.uri),
        ninjsProjection(page.fields),
        this.profile,
        deadline.remaining,
      ),
    );
    const byUri = new Map(docs.map((d) => [d.uri, d.ninjs]));
    const last = pageEntries[pageEntries.length - 1];
    return {
      items: pageEntries.filter((e) => byUri.has(e.uri)).map((e) => byUri.get(e.uri)!),
      ...(entries.length > page.limit && last ? { next: { versionCreated: new Date(last.t), uri: last.uri } } : {}),
    };
  }

  /**
   * The first `wanted` timeline entries matching the filter, newest first. Buckets are read a few at a time (1, 2,
   * 4, 8): most pages are filled by the newest bucket or two.
   */
  private async walk(
    filter: ArticleFilter,
    wanted: number,
    deadline: QueryDeadline,
    after?: PageKey,
  ): Promise<TimelineEntry[]> {
    const directoryIds = directoriesFor(filter);
    const directories = await this.readTimeline<{ _id: string; b?: number[] }>(
      directoryIds,
      { _id: 1, b: 1 },
      deadline,
    );
    if (directories.length < directoryIds.length) return [];
    const slots = slotsToWalk(
      directories.map((d) => d.b ?? []),
      filter,
      after,
    );
    const found: TimelineEntry[] = [];
    const seen = new Set<string>();
    let step = 1;
    for (let i = 0; i < slots.length && found.length < wanted; i += step, step = Math.min(step * 2, 8)) {
      const chunk = slots.slice(i, i + step);
      const buckets = await this.readTimeline<{ _id: string; m?: string[] }>(
        chunk.map(bucketId),
        { _id: 1, m: 1 },
        deadline,
      );
      const byId = new Map(buckets.map((b) => [b._id, b.m ?? []]));
      for (const slot of chunk) {
        const matching = (byId.get(bucketId(slot)) ?? [])
          .map(decodeEntry)
          .filter((e) => entryMatches(e, filter, after))
          .sort(compareNewestFirst);
        for (const entry of matching) {
          // a crash between two statements of a write can leave a story in two places for a moment: show it once
          if (seen.has(entry.uri)) continue;
          seen.add(entry.uri);
          found.push(entry);
        }
        if (found.length >= wanted) break;
      }
    }
    return found.slice(0, wanted);
  }

  private readTimeline<T>(ids: string[], fields: Document, deadline: QueryDeadline): Promise<T[]> {
    return readTimeline<T>(this.timeline, ids, fields, deadline, this.profile);
  }

  /** A list filtered by words, newest first: the `terms_newest` index on MongoDB, a scan on FerretDB. */
  private async scanList(
    filter: ArticleFilter,
    page: { after?: PageKey; limit: number; fields?: NinjsField[] },
    deadline: QueryDeadline,
  ): Promise<ArticlePage> {
    const docs = await deadline.run(() =>
      this.articles
        .find(buildArticleFilter(filter, page.after), ninjsProjection(page.fields))
        .sort(NEWEST_FIRST)
        .limit(page.limit + 1)
        .maxTimeMS(deadline.remaining())
        .lean<{ uri: string; versionCreated: Date; ninjs: Ninjs }[]>(),
    );
    const items = docs.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((doc) => doc.ninjs),
      ...(docs.length > page.limit && last ? { next: { versionCreated: last.versionCreated, uri: last.uri } } : {}),
    };
  }

  /**
   * Word search, ranked (headline words weigh most, then the opening, then the rest; ties newest first). Candidates
   * are the newest `candidateLimit` stories containing every word (`terms` index, `$all`), scored here: this works the
   * same on MongoDB and on FerretDB, which has no `$text` (but scans: bounded by the time limit).
   */
  async search(
    filter: ArticleFilter & { terms: string[] },
    page: { after?: RankedPageKey; limit: number; fields?: NinjsField[]; candidateLimit?: number },
  ): Promise<RankedPage> {
    const deadline = new QueryDeadline(this.timeLimitMs);
    const candidateLimit = page.candidateLimit ?? 1000;
    const candidates = await deadline.run(() =>
      this.articles
        .find(buildArticleFilter(filter), {
          _id: 0,
          uri: 1,
          versionCreated: 1,
          terms: 1,
          headlineTerms: 1,
          leadTerms: 1,
        })
        .sort(NEWEST_FIRST)
        .limit(candidateLimit + 1)
        .maxTimeMS(deadline.remaining())
        .lean<{ uri: string; versionCreated: Date; terms: string[]; headlineTerms: string[]; leadTerms: string[] }[]>(),
    );
    const truncated = candidates.length > candidateLimit;
    const ranked = candidates
      .slice(0, candidateLimit)
      .map((c) => ({ uri: c.uri, versionCreated: c.versionCreated, score: relevance(c, filter.terms) }))
      .sort(compareRanked)
      .filter((key) => !page.after || compareRanked(key, page.after) > 0);
    const pageKeys = ranked.slice(0, page.limit);
    const docs = await deadline.run(() =>
      readByIds<{ uri: string; ninjs: Ninjs }>(
        this.articles,
        pageKeys.map((k) => k.uri),
        ninjsProjection(page.fields),
        this.profile,
        deadline.remaining,
      ),
    );
    const byUri = new Map(docs.map((d) => [d.uri, d.ninjs]));
    const last = pageKeys[pageKeys.length - 1];
    return {
      items: pageKeys.filter((k) => byUri.has(k.uri)).map((k) => ({ article: byUri.get(k.uri)!, score: k.score })),
      ...(ranked.length > page.limit && last ? { next: last } : {}),
      truncated,
    };
  }

  async findByUri(uri: string): Promise<StoredArticle | null> {
    const deadline = new QueryDeadline(this.timeLimitMs);
    return deadline.run(() =>
      this.articles
        .findOne(
          { _id: uri },
          {
            _id: 0,
            uri: 1,
            version: 1,
            contentHash: 1,
            pubStatus: 1,
            ninjs: 1,
            versionCreated: 1,
            source: 1,
            ingest: 1,
            enrichment: 1,
            canceledAt: 1,
            createdAt: 1,
            updatedAt: 1,
          },
        )
        .maxTimeMS(deadline.remaining())
        .lean<StoredArticle>(),
    );
  }

  /** Every stored version of a story, oldest first; empty when the story is unknown. By `_id`: the story lists them. */
  async listVersions(uri: string): Promise<StoredVersion[]> {
    const deadline = new QueryDeadline(this.timeLimitMs);
    const story = await deadline.run(() =>
      this.articles
        .findOne({ _id: uri }, { _id: 0, versionHashes: 1 })
        .maxTimeMS(deadline.remaining())
        .lean<{ versionHashes?: VersionHash[] }>(),
    );
    const ids = [...new Set((story?.versionHashes ?? []).map((vh) => vh.v))].map((v) => versionId(uri, v));
    const versions = await deadline.run(() =>
      readByIds<StoredVersion>(this.versions, ids, { enrichment: 0 }, this.profile, deadline.remaining),
    );
    return versions.sort((a, b) => a.version - b.version);
  }

  /** The most frequent tags of a kind in a time window (tag-count-reader.ts). */
  tagCounts(kind: TagKind, window: TagWindow): Promise<TagCount[]> {
    return this.tags.count(kind, window, new QueryDeadline(this.timeLimitMs));
  }

  /** The totals kept at write time (null before the first count). */
  async totals(): Promise<{ stories: number | null; rawCopies: number | null }> {
    const deadline = new QueryDeadline(this.timeLimitMs);
    const docs = await deadline.run(() =>
      mapLimited([STORIES_COUNTER, RAW_COPIES_COUNTER], 2, (id) =>
        this.counters.findOne({ _id: id }, { _id: 0, n: 1 }).maxTimeMS(deadline.remaining()).lean<{ n: number }>(),
      ),
    );
    return { stories: docs[0]?.n ?? null, rawCopies: docs[1]?.n ?? null };
  }

  /** The store's explain output of a word search on `articles` (tests check it uses an index on MongoDB). */
  explainScan(filter: ArticleFilter, limit: number): Promise<Document> {
    return this.articles.collection
      .find(buildArticleFilter(filter), { projection: { _id: 0, uri: 1 } })
      .sort(NEWEST_FIRST)
      .limit(limit)
      .explain('queryPlanner');
  }
}
