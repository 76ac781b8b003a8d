import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Ninjs } from '@wiredesk/ninjs';
import { BSON, type Document } from 'mongodb';
import {
  bulkWriteIdempotent,
  insertIgnoringDuplicates,
  type PermanentFailure,
  type StoreModel,
  type WriteOp,
} from '../bulk';
import { KeyedLock } from '../keyed-lock';
import { ARTICLE_MODEL, ArticleSchema } from '../schemas/article.schema';
import { ARTICLE_VERSION_MODEL } from '../schemas/article-version.schema';
import { compileSchemaCheck } from '../schemas/schema-check';
import { COUNTER_MODEL, STORIES_COUNTER, TIMELINE_MODEL } from '../schemas/timeline.schema';
import { DEFAULT_QUERY_TIME_LIMIT_MS, STORAGE_OPTIONS, type StorageOptions } from '../storage.options';
import { STORE_PROFILE, readByIds, type StoreProfile } from '../store-profile';
import type { TagCount, TagWindow } from '../timeline/tag-counts';
import type { ArticleOutcome, IncomingArticle } from './article-input';
import type { ArticleFilter, NinjsField, PageKey, RankedPageKey } from './article-query';
import {
  ArticleReader,
  type ArticlePage,
  type RankedPage,
  type StoredArticle,
  type StoredVersion,
} from './article-reader';
import { toArticleRecord, type ArticleRecord, type TagKind } from './article-record';
import { cancelEventPublishedOp, revisionEventPublishedOp } from './article-write-ops';
import { planStories, readRevisedVersions } from './stored-stories';
import { WrittenDirectorySlots } from '../timeline/written-directory-slots';
import { buildWriteSteps, reconcileOutcomes, type PreparedItem, type Target, type WriteStep } from './write-plan';

export type { ArticlePage, RankedPage, StoredArticle, StoredVersion } from './article-reader';
export type { TagCount, TagWindow } from '../timeline/tag-counts';

/** The archive schema's rules as a plain function: a mongoose document per article cost more than the rest. */
const fitsArticleSchema = compileSchemaCheck(ArticleSchema);

/** MongoDB refuses documents over 16 MiB; leave room for the fields the store adds. */
const MAX_DOCUMENT_BYTES = 15.5 * 1024 * 1024;
/**
 * Up to this many bytes of source JSON, the stored record cannot reach MAX_DOCUMENT_BYTES, so its exact BSON size is
 * not computed (it cost as much as the write). BSON is at most ~9 times the JSON it encodes (arrays of one-character
 * values), and the record holds the ninjs and its enrichment once plus terms and tags derived from their text: 64
 * times is a wide margin.
 */
const MAX_SOURCE_BYTES_UNCHECKED = MAX_DOCUMENT_BYTES / 64;

/**
 * Writes article versions idempotently and reads them back. All data access to `articles`, `article_versions`, the
 * timeline and the counters lives here (reads in article-reader.ts); the archive's use cases call these methods.
 *
 * One writer per story: every version of a story has the same Kafka key, hence one partition and one consumer, and
 * within a process batches touching the same story run one after the other (`storyLock`). Under that rule the plan
 * made from the stored state is the truth, and the statements need no guards in their filters: which is what makes
 * them `_id` lookups on FerretDB, and the same algorithm on MongoDB.
 */
@Injectable()
export class ArticleRepository {
  private readonly storyLock = new KeyedLock();
  /** timeline buckets and counters are shared by all stories: their statements run one batch at a time */
  private readonly sharedLock = new KeyedLock();
  private readonly reader: ArticleReader;
  private readonly models: Record<Target, StoreModel>;
  private readonly writtenDirectorySlots = new WrittenDirectorySlots();

  constructor(
    @InjectModel(ARTICLE_MODEL) private readonly articles: StoreModel,
    @InjectModel(ARTICLE_VERSION_MODEL) private readonly versions: StoreModel,
    @InjectModel(TIMELINE_MODEL) private readonly timeline: StoreModel,
    @InjectModel(COUNTER_MODEL) private readonly counters: StoreModel,
    @Inject(STORE_PROFILE) private readonly profile: StoreProfile,
    @Inject(STORAGE_OPTIONS) options: StorageOptions,
  ) {
    this.models = { articles, versions, timeline };
    const timeLimitMs = options.queryTimeLimitMs ?? DEFAULT_QUERY_TIME_LIMIT_MS;
    this.reader = new ArticleReader(articles, versions, timeline, counters, profile, timeLimitMs);
  }

  /**
   * Stores a batch of article versions (in Kafka order) and says per item what happened. Safe to call again with the
   * same items, in any order, any number of times: the stored result is the same and nothing is duplicated.
   *
   * plan (version-plan.ts, from the stored stories) → statements (write-plan.ts, pure) → execute (here, in order) →
   * reconcile (outcomes, and the content of killed stories for their events).
   *
   * Throws when the store is unavailable (the caller retries the batch: nothing is committed to Kafka before
   * this returns). Documents the store refuses for good come back as `rejected`.
   */
  async applyBatch(items: readonly IncomingArticle[]): Promise<ArticleOutcome[]> {
    const outcomes: ArticleOutcome[] = new Array(items.length);
    const prepared: PreparedItem[] = [];
    const now = new Date();
    items.forEach((item, index) => {
      const result = this.prepare(item, now);
      if (typeof result === 'string') {
        const uri = typeof item.ninjs?.uri === 'string' ? item.ninjs.uri : '';
        outcomes[index] = { index, uri, version: 0, outcome: 'rejected', error: result };
      } else {
        prepared.push({ index, record: result, replay: item.replay === true });
      }
    });
    if (prepared.length === 0) return outcomes;

    const release = await this.storyLock.acquire(prepared.map((p) => p.record.uri));
    try {
      await this.writeStories(prepared, outcomes);
    } finally {
      release();
    }
    return outcomes;
  }

  private async writeStories(prepared: PreparedItem[], outcomes: ArticleOutcome[]): Promise<void> {
    const stories = await planStories(prepared, this.articles, this.profile);
    const derivations = await readRevisedVersions(stories, this.versions, this.profile);
    const now = new Date();
    const { steps, stale, directorySlots } = buildWriteSteps(
      stories,
      derivations,
      now,
      MAX_DOCUMENT_BYTES,
      randomUUID(),
      this.writtenDirectorySlots,
    );

    const rejected = new Map<number, PermanentFailure>();
    let storiesCreated = 0;
    for (let i = 0; i < steps.length;) {
      if (steps[i].target === 'timeline') {
        // the timeline's steps (buckets, then their stamps) in one section: another batch of this process never
        // writes between them (bucket-tag-cache.ts)
        let end = i;
        while (end < steps.length && steps[end].target === 'timeline') end++;
        const timelineSteps = steps.slice(i, end);
        const failed = await this.shared(async () => {
          let count = 0;
          for (const step of timelineSteps) count += (await this.execute(step, rejected)).failed;
          return count;
        });
        if (failed === 0) this.writtenDirectorySlots.add(directorySlots);
        i = end;
        continue;
      }
      const step = steps[i++];
      const { inserted } = await this.execute(step, rejected);
      if (step.kind === 'insert' && step.target === 'articles') storiesCreated += inserted;
    }
    if (storiesCreated > 0) await this.increment(STORIES_COUNTER, storiesCreated);

    reconcileOutcomes(stories, stale, rejected, outcomes);
    await this.attachCanceledContent(outcomes);
  }

  /**
   * Runs one step: how many statements the store refused for good, and for inserts how many documents were new (a
   * duplicate is run as its fallback statement).
   */
  private async execute(
    step: WriteStep,
    rejected: Map<number, PermanentFailure>,
  ): Promise<{ inserted: number; failed: number }> {
    const model = this.models[step.target];
    const reject = (items: number[], failure: PermanentFailure) => items.forEach((i) => rejected.set(i, failure));
    if (step.kind === 'write') {
      const failures = await bulkWriteIdempotent(
        model,
        step.ops.map((o) => o.op),
        this.profile.maxOpsPerCommand,
      );
      failures.forEach((failure, i) => reject(step.ops[i].items, failure));
      return { inserted: 0, failed: failures.size };
    }
    const { duplicates, failures } = await insertIgnoringDuplicates(
      model,
      step.docs.map((d) => d.doc),
      this.profile.maxOpsPerCommand,
    );
    failures.forEach((failure, i) => reject(step.docs[i].items, failure));
    const fallbacks = [...duplicates].filter((i) => step.docs[i].fallback);
    let fallbacksFailed = 0;
    if (fallbacks.length > 0) {
      const fallbackRun = await this.execute(
        {
          kind: 'write',
          target: step.target,
          ops: fallbacks.map((i) => ({ op: step.docs[i].fallback!, items: step.docs[i].items })),
        },
        rejected,
      );
      fallbacksFailed = fallbackRun.failed;
    }
    return { inserted: step.docs.length - duplicates.size - failures.size, failed: failures.size + fallbacksFailed };
  }

  private async shared<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.sharedLock.acquire(['shared']);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Adds to a total of GET /v1/stats (see timeline.schema.ts). */
  async increment(counter: string, by: number): Promise<void> {
    const op: WriteOp = { updateOne: { filter: { _id: counter }, update: { $inc: { n: by } }, upsert: true } };
    await this.shared(() => bulkWriteIdempotent(this.counters, [op]));
  }

  /** Kills report the killed story's content: their `canceled` event carries it. */
  private async attachCanceledContent(outcomes: ArticleOutcome[]): Promise<void> {
    const canceledUris = [...new Set(outcomes.filter((o) => o?.outcome === 'canceled').map((o) => o.uri))];
    if (canceledUris.length === 0) return;
    const canceled = await readByIds<{ uri: string; ninjs: Ninjs; contentHash: string }>(
      this.articles,
      canceledUris,
      { uri: 1, ninjs: 1, contentHash: 1 },
      this.profile,
    );
    const byUri = new Map(canceled.map((doc) => [doc.uri, doc]));
    for (const outcome of outcomes) {
      if (outcome?.outcome !== 'canceled') continue;
      const doc = byUri.get(outcome.uri);
      if (doc) {
        outcome.canceledArticle = doc.ninjs;
        outcome.canceledContentHash = doc.contentHash;
      }
    }
  }

  /**
   * The outbox of kills: after their `canceled` events are durably published, the consumer clears the flag, so a
   * replayed kill no longer reports `canceled`. Until then, replays report it again (at least once, never lost).
   */
  async markCancelEventsPublished(uris: readonly string[]): Promise<void> {
    const now = new Date();
    const ops = [...new Set(uris)].map((uri) => cancelEventPublishedOp(uri, now));
    await bulkWriteIdempotent(this.articles, ops, this.profile.maxOpsPerCommand);
  }

  /**
   * The outbox of revisions: after their `updated` events are durably published, the consumer clears the mark, so a
   * replayed revision no longer reports `revised`. Until then, re-deliveries report it again (at least once).
   */
  async markRevisionEventsPublished(revisions: readonly { uri: string; contentHash: string }[]): Promise<void> {
    const now = new Date();
    const ops = [...new Set(revisions.map((r) => r.uri))].map((uri) => revisionEventPublishedOp(uri, now));
    await bulkWriteIdempotent(this.articles, ops, this.profile.maxOpsPerCommand);
  }

  list(filter: ArticleFilter, page: { after?: PageKey; limit: number; fields?: NinjsField[] }): Promise<ArticlePage> {
    return this.reader.list(filter, page);
  }

  search(
    filter: ArticleFilter & { terms: string[] },
    page: { after?: RankedPageKey; limit: number; fields?: NinjsField[]; candidateLimit?: number },
  ): Promise<RankedPage> {
    return this.reader.search(filter, page);
  }

  findByUri(uri: string): Promise<StoredArticle | null> {
    return this.reader.findByUri(uri);
  }

  listVersions(uri: string): Promise<StoredVersion[]> {
    return this.reader.listVersions(uri);
  }

  tagCounts(kind: TagKind, window: TagWindow): Promise<TagCount[]> {
    return this.reader.tagCounts(kind, window);
  }

  /** The totals kept at write time: stories stored, raw copies stored (null when not counted yet). */
  totals(): Promise<{ stories: number | null; rawCopies: number | null }> {
    return this.reader.totals();
  }

  /** The store's explain output of a word search (the one query that still filters `articles` on other fields). */
  explainList(filter: ArticleFilter, limit = 20): Promise<Document> {
    return this.reader.explainScan(filter, limit);
  }

  /** The record to store, or why the store would refuse this item for good. */
  private prepare(item: IncomingArticle, now: Date): ArticleRecord | string {
    const ninjs = item.ninjs as unknown;
    if (!ninjs || typeof ninjs !== 'object' || Array.isArray(ninjs)) return 'The message is not a JSON object.';
    const uri = (ninjs as { uri?: unknown }).uri;
    if (typeof uri !== 'string' || uri.trim() === '') return 'The article has no uri.';
    const version = (ninjs as { version?: unknown }).version;
    if (version !== undefined && typeof version !== 'string') return 'The article version is not a string.';
    const record = toArticleRecord(item);
    const problem = fitsArticleSchema({ ...record, _id: record.uri, createdAt: now, updatedAt: now });
    if (problem) return `The article does not fit the archive schema: ${problem}`;
    const sizeIsBounded = item.sourceBytes !== undefined && item.sourceBytes <= MAX_SOURCE_BYTES_UNCHECKED;
    if (!sizeIsBounded && BSON.calculateObjectSize(record as unknown as Document) > MAX_DOCUMENT_BYTES) {
      return 'The article is larger than the 16 MB a stored document may hold.';
    }
    return record;
  }
}
