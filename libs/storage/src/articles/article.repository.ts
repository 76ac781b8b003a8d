import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mapLimited } from '@wiredesk/platform';
import type { Ninjs } from '@wiredesk/ninjs';
import { BSON, type Collection, type Document } from 'mongodb';
import type { Model } from 'mongoose';
import { bulkWriteIdempotent, insertIgnoringDuplicates, type PermanentFailure, type StoredDocument } from '../bulk';
import { KeyedLock } from '../keyed-lock';
import { ARTICLE_MODEL, ArticleSchema, type ArticleDocument } from '../schemas/article.schema';
import { ARTICLE_VERSION_MODEL, versionId, type ArticleVersionDocument } from '../schemas/article-version.schema';
import { compileSchemaCheck } from '../schemas/schema-check';
import { STORE_PROFILE, type StoreProfile } from '../store-profile';
import { relevance } from '../search/terms';
import type { ArticleOutcome, IncomingArticle } from './article-input';
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
import { isKill, TAG_FIELDS, toArticleRecord, type ArticleRecord, type TagKind } from './article-record';
import {
  cancelEventPublishedOp,
  cancelStoryOp,
  cancelVersionsOps,
  currentWriteOp,
  newStoryDoc,
  reviseCurrentOp,
  reviseVersionOp,
  revisionEventPublishedOp,
  versionHashesOp,
  versionInsertDoc,
  type StoredDerivation,
  type VersionHash,
  type VersionRevision,
  type WriteOp,
} from './article-write-ops';
import { planStory, type StoredStory, type StoryPlan } from './version-plan';

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

interface PreparedItem {
  index: number;
  record: ArticleRecord;
  /** marked as a replay (`wd-replay`): may revise the current version */
  replay: boolean;
}

interface StoryWork {
  uri: string;
  items: PreparedItem[];
  plan: StoryPlan;
  /** a document for the story is stored */
  exists: boolean;
  storedCanceled: boolean;
  /** the stored current content hash and version list (what a revision replaces) */
  storedHash?: string;
  versionHashes: VersionHash[];
}

/** One page of a list, newest first. */
export interface ArticlePage {
  items: Ninjs[];
  /** key of the last item, when there is a next page */
  next?: PageKey;
}

/** One page of a ranked search. */
export interface RankedPage {
  items: { article: Ninjs; score: number }[];
  next?: RankedPageKey;
  /** more matches exist than were ranked (only the newest `candidateLimit` are) */
  truncated: boolean;
}

/** The current version of a story with what the archive knows about it. */
export interface StoredArticle {
  uri: string;
  version: number;
  contentHash: string;
  pubStatus: string;
  ninjs: Ninjs;
  versionCreated: Date;
  source?: string;
  ingest?: { ingestId?: string; source?: string; channel?: string; receivedAt?: Date };
  enrichment?: unknown;
  canceledAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface StoredVersion {
  uri: string;
  version: number;
  versionLabel?: string;
  contentHash: string;
  pubStatus: string;
  originalPubStatus: string;
  versionCreated: Date;
  ninjs: Ninjs;
  ingest?: { ingestId?: string; source?: string; channel?: string; receivedAt?: Date };
  canceledAt?: Date;
  storedAt: Date;
  /** when a replay last re-derived this version's content */
  revisedAt?: Date;
  /** its earlier derivations, oldest first (see article-write-ops.ts, Revisions) */
  revisions?: VersionRevision[];
}

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

/** The fields of `articles` the write path reads back. */
interface StoryState {
  uri: string;
  version: number;
  contentHash: string;
  pubStatus: string;
  cancelEventPending?: boolean;
  revisionEventPending?: string;
  versionHashes?: VersionHash[];
}

/**
 * Writes article versions idempotently and reads them back. All data access to `articles` and `article_versions`
 * lives here; the archive's use cases call these methods.
 */
@Injectable()
export class ArticleRepository {
  private readonly storyLock = new KeyedLock();

  constructor(
    @InjectModel(ARTICLE_MODEL) private readonly articles: Model<ArticleDocument>,
    @InjectModel(ARTICLE_VERSION_MODEL) private readonly versions: Model<ArticleVersionDocument>,
    @Inject(STORE_PROFILE) private readonly profile: StoreProfile,
  ) {}

  /**
   * Stores a batch of article versions (in Kafka order) and says per item what happened. Safe to call again with the
   * same items, in any order, any number of times: the stored result is the same and nothing is duplicated.
   *
   * Three unordered bulk writes: (1) every new version into article_versions ($setOnInsert upserts), (2) the new
   * current document per story, guarded by `version < new`, so a lower or equal version can never overwrite a higher
   * one even when two writers race, (3) kills: the story and every version canceled. Then the stories are read back,
   * and an item whose guarded write lost to a newer version reports `stale`.
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

  /**
   * Plans, writes and (where writers can race) reads back the stories of a batch; fills `outcomes`.
   * Writes, in order: new versions (inserts), revisions (a replay's new derivation of the current version: the
   * version's document, then the story's), new stories (inserts) and new current versions (updates), the version
   * lists of stories, kills.
   */
  private async writeStories(prepared: PreparedItem[], outcomes: ArticleOutcome[]): Promise<void> {
    const stories = await this.planStories(prepared);
    const derivations = await this.readRevisedVersions(stories);
    const now = new Date();
    const articles = this.articles.collection as unknown as Collection<StoredDocument>;
    const versions = this.versions.collection as unknown as Collection<StoredDocument>;
    const rejected = new Map<number, PermanentFailure>();

    const versionDocs: { doc: StoredDocument; index: number }[] = [];
    const versionRevisions: { op: WriteOp; index: number }[] = [];
    const revisions: { op: WriteOp; index: number }[] = [];
    const newStories: { doc: StoredDocument; fallback: WriteOp; index: number }[] = [];
    const updates: { op: WriteOp; index: number }[] = [];
    const hashLists: { op: WriteOp; index: number }[] = [];
    const cancels: { op: WriteOp; index: number; uri: string; versions: number[] }[] = [];
    for (const story of stories) {
      const added: VersionHash[] = [];
      for (const i of story.plan.insertVersions) {
        const { record, index } = story.items[i];
        versionDocs.push({ doc: versionInsertDoc(record, story.storedCanceled, now), index });
        added.push({ v: record.version, h: record.contentHash });
      }
      // where guards are atomic the current write may lose a race and match nothing: list versions separately
      const inline = this.profile.atomicGuards ? [] : added;
      if (story.plan.currentWrite !== undefined) {
        const { record, index } = story.items[story.plan.currentWrite];
        const op = currentWriteOp(record, now, this.profile, inline);
        if (story.exists) updates.push({ op, index });
        else newStories.push({ doc: newStoryDoc(record, added, now), fallback: op, index });
      }
      if (added.length > 0 && (this.profile.atomicGuards || story.plan.currentWrite === undefined)) {
        hashLists.push({
          op: versionHashesOp(story.uri, added),
          index: story.items[story.plan.insertVersions[0]].index,
        });
      }
      if (story.plan.revise !== undefined && story.storedHash !== undefined) {
        const { record, index } = story.items[story.plan.revise];
        const stored = derivations.get(versionId(record.uri, record.version));
        if (stored) {
          const versionOp = reviseVersionOp(record, stored, now, this.profile, MAX_DOCUMENT_BYTES);
          if (versionOp) versionRevisions.push({ op: versionOp, index });
          const op = reviseCurrentOp(record, story.storedHash, story.versionHashes, now, this.profile);
          revisions.push({ op, index });
        } else {
          // no version document to keep the earlier derivation in: the content is not replaced
          story.plan.outcomes[story.plan.revise] = 'stale';
        }
      }
      if (story.plan.cancelBy !== undefined) {
        const { record, index } = story.items[story.plan.cancelBy];
        cancels.push({
          op: cancelStoryOp(record, now, this.profile),
          index,
          uri: story.uri,
          versions: [...story.versionHashes, ...added].map((vh) => vh.v),
        });
      }
    }

    const write = async (collection: Collection<StoredDocument>, ops: { op: WriteOp; index: number }[]) => {
      const failures = await bulkWriteIdempotent(
        collection,
        ops.map((o) => o.op),
        this.profile.maxOpsPerCommand,
      );
      failures.forEach((failure, opIndex) => rejected.set(ops[opIndex].index, failure));
    };
    const insert = async (collection: Collection<StoredDocument>, docs: { doc: StoredDocument; index: number }[]) => {
      const result = await insertIgnoringDuplicates(
        collection,
        docs.map((d) => d.doc),
        this.profile.maxOpsPerCommand,
      );
      result.failures.forEach((failure, i) => rejected.set(docs[i].index, failure));
      return result.duplicates;
    };

    await insert(versions, versionDocs);
    // a revised version takes its new content before its story does: a crash in between is finished by the re-run.
    // Story revisions go before the other writes: a higher version later in the batch must win over them
    await write(versions, versionRevisions);
    await write(articles, revisions);
    // a story another writer created meanwhile: the guarded update decides instead
    const existed = await insert(articles, newStories);
    await write(articles, [
      ...updates,
      ...[...existed].map((i) => ({ op: newStories[i].fallback, index: newStories[i].index })),
    ]);
    await write(articles, hashLists);
    // versions are canceled after the inserts above, so versions stored by this very batch are canceled too
    await write(articles, cancels);
    await write(
      versions,
      cancels.flatMap(({ uri, index, versions }) =>
        cancelVersionsOps(uri, versions, now, this.profile).map((op) => ({ op, index })),
      ),
    );

    // with atomic guards a write may have lost to a concurrent newer version: read back what became current.
    // Without (FerretDB), the story lock and Kafka's one-writer-per-story make the plan the truth.
    const finalStates = this.profile.atomicGuards ? await this.readStates(stories.map((s) => s.uri)) : undefined;
    const canceledUris = new Set<string>();
    for (const story of stories) {
      const state = finalStates?.get(story.uri);
      story.items.forEach(({ index, record }, i) => {
        let outcome = story.plan.outcomes[i];
        const failure = rejected.get(index);
        if (failure) {
          outcomes[index] = {
            index,
            uri: record.uri,
            version: record.version,
            outcome: 'rejected',
            error: failure.message,
          };
          return;
        }
        if (finalStates) {
          const becameCurrent = state?.version === record.version && state.contentHash === record.contentHash;
          if ((outcome === 'created' || outcome === 'updated' || outcome === 'revised') && !becameCurrent) {
            outcome = 'stale';
          }
          if (outcome === 'canceled' && !(state?.pubStatus === 'canceled' && state.cancelEventPending)) {
            outcome = 'unchanged';
          }
        }
        if (outcome === 'canceled') canceledUris.add(record.uri);
        outcomes[index] = { index, uri: record.uri, version: record.version, outcome };
      });
    }

    if (canceledUris.size > 0) {
      const canceled = await this.readByIds<{ uri: string; ninjs: Ninjs; contentHash: string }>(
        this.articles.collection as unknown as Collection<StoredDocument>,
        [...canceledUris],
        { uri: 1, ninjs: 1, contentHash: 1 },
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
  }

  /**
   * The outbox of kills: after their `canceled` events are durably published, the consumer clears the flag, so a
   * replayed kill no longer reports `canceled`. Until then, replays report it again (at least once, never lost).
   */
  async markCancelEventsPublished(uris: readonly string[]): Promise<void> {
    const now = new Date();
    const ops = [...new Set(uris)].map((uri) => cancelEventPublishedOp(uri, now, this.profile));
    await bulkWriteIdempotent(
      this.articles.collection as unknown as Collection<StoredDocument>,
      ops,
      this.profile.maxOpsPerCommand,
    );
  }

  /**
   * The outbox of revisions: after their `updated` events are durably published, the consumer clears the mark, so a
   * replayed revision no longer reports `revised`. Until then, re-deliveries report it again (at least once).
   */
  async markRevisionEventsPublished(revisions: readonly { uri: string; contentHash: string }[]): Promise<void> {
    const now = new Date();
    const ops = revisions.map((r) => revisionEventPublishedOp(r.uri, r.contentHash, now, this.profile));
    await bulkWriteIdempotent(
      this.articles.collection as unknown as Collection<StoredDocument>,
      ops,
      this.profile.maxOpsPerCommand,
    );
  }

  /** One page of stories, newest first (versionCreated, then uri), strictly after `after`. */
  async list(
    filter: ArticleFilter,
    page: { after?: PageKey; limit: number; fields?: NinjsField[] },
  ): Promise<ArticlePage> {
    const docs = await this.articles
      .find(buildArticleFilter(filter, page.after), ninjsProjection(page.fields))
      .sort(NEWEST_FIRST)
      .limit(page.limit + 1)
      .lean<{ uri: string; versionCreated: Date; ninjs: Ninjs }[]>();
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
   * same on MongoDB and on FerretDB, which has no `$text`.
   */
  async search(
    filter: ArticleFilter & { terms: string[] },
    page: { after?: RankedPageKey; limit: number; fields?: NinjsField[]; candidateLimit?: number },
  ): Promise<RankedPage> {
    const candidateLimit = page.candidateLimit ?? 1000;
    const candidates = await this.articles
      .find(buildArticleFilter(filter), { _id: 0, uri: 1, versionCreated: 1, terms: 1, headlineTerms: 1, leadTerms: 1 })
      .sort(NEWEST_FIRST)
      .limit(candidateLimit + 1)
      .lean<{ uri: string; versionCreated: Date; terms: string[]; headlineTerms: string[]; leadTerms: string[] }[]>();
    const truncated = candidates.length > candidateLimit;
    const ranked = candidates
      .slice(0, candidateLimit)
      .map((c) => ({ uri: c.uri, versionCreated: c.versionCreated, score: relevance(c, filter.terms) }))
      .sort(compareRanked)
      .filter((key) => !page.after || compareRanked(key, page.after) > 0);
    const pageKeys = ranked.slice(0, page.limit);
    const docs = await this.articles
      .find({ _id: { $in: pageKeys.map((k) => k.uri) } }, ninjsProjection(page.fields))
      .lean<{ uri: string; ninjs: Ninjs }[]>();
    const byUri = new Map(docs.map((d) => [d.uri, d.ninjs]));
    const last = pageKeys[pageKeys.length - 1];
    return {
      items: pageKeys.filter((k) => byUri.has(k.uri)).map((k) => ({ article: byUri.get(k.uri)!, score: k.score })),
      ...(ranked.length > page.limit && last ? { next: last } : {}),
      truncated,
    };
  }

  async findByUri(uri: string): Promise<StoredArticle | null> {
    return this.articles
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
      .lean<StoredArticle>();
  }

  /** Every stored version of a story, oldest first; empty when the story is unknown. */
  async listVersions(uri: string): Promise<StoredVersion[]> {
    return this.versions.find({ uri }, { _id: 0, enrichment: 0 }).sort({ version: 1 }).lean<StoredVersion[]>();
  }

  /**
   * The most frequent people, organisations, places or subjects of the stories in a time window (versionCreated),
   * killed stories left out. Grouped by the tag's key (its URI, else its lowercased name); a tag spelled two ways
   * (Britain / United Kingdom, same URI) counts once, under the name most stories use.
   */
  async tagCounts(kind: TagKind, window: TagWindow): Promise<TagCount[]> {
    const match: Document = {
      versionCreated: { $gte: window.since, $lt: window.until },
      pubStatus: { $ne: 'canceled' },
    };
    if (window.language) match.language = window.language.trim().toLowerCase();
    if (window.source) match.source = window.source.trim().toLowerCase();
    const field = TAG_FIELDS[kind];
    // FerretDB has no $first/$max/$addToSet and its $unwind keeps only the unwound field: group by (key, name, uri)
    // of the unwound tag and merge the names here
    const groups = await this.articles.aggregate<{ _id: { key: string; name?: string; uri?: string }; count: number }>([
      { $match: match },
      { $project: { [field]: 1 } },
      { $unwind: `$${field}` },
      { $group: { _id: { key: `$${field}.key`, name: `$${field}.name`, uri: `$${field}.uri` }, count: { $sum: 1 } } },
    ]);
    const byKey = new Map<string, { count: number; names: Map<string, number>; uri?: string }>();
    for (const group of groups) {
      const entry = byKey.get(group._id.key) ?? { count: 0, names: new Map<string, number>(), uri: group._id.uri };
      entry.count += group.count;
      if (group._id.name) entry.names.set(group._id.name, (entry.names.get(group._id.name) ?? 0) + group.count);
      byKey.set(group._id.key, entry);
    }
    return [...byKey.values()]
      .map((entry) => {
        const name = [...entry.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
        return { ...(name ? { name } : {}), ...(entry.uri ? { uri: entry.uri } : {}), count: entry.count };
      })
      .sort((a, b) => b.count - a.count || (a.name ?? a.uri ?? '').localeCompare(b.name ?? b.uri ?? ''))
      .slice(0, window.limit);
  }

  /** The store's explain output of a list query (tests check the indexes the main queries use). */
  async explainList(filter: ArticleFilter, limit = 20): Promise<Document> {
    return this.articles.collection
      .find(buildArticleFilter(filter), { projection: { _id: 0, uri: 1 } })
      .sort(NEWEST_FIRST)
      .limit(limit)
      .explain('queryPlanner');
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

  private async planStories(prepared: PreparedItem[]): Promise<StoryWork[]> {
    const byUri = new Map<string, PreparedItem[]>();
    for (const item of prepared) {
      const list = byUri.get(item.record.uri) ?? [];
      list.push(item);
      byUri.set(item.record.uri, list);
    }
    const uris = [...byUri.keys()];
    const states = await this.readStates(uris);
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
        exists: state !== undefined,
        storedCanceled: stored?.canceled ?? false,
        storedHash: state?.contentHash,
        versionHashes: state?.versionHashes ?? [],
      };
    });
  }

  private async readStates(uris: string[]): Promise<Map<string, StoryState>> {
    const docs = await this.readByIds<StoryState>(
      this.articles.collection as unknown as Collection<StoredDocument>,
      uris,
      {
        uri: 1,
        version: 1,
        contentHash: 1,
        pubStatus: 1,
        cancelEventPending: 1,
        revisionEventPending: 1,
        versionHashes: 1,
      },
    );
    return new Map(docs.map((doc) => [doc.uri, doc]));
  }

  /** The stored derivation of every version a plan revises, by version _id (the content its revisions keep). */
  private async readRevisedVersions(stories: StoryWork[]): Promise<Map<string, StoredDerivation>> {
    const ids = stories
      .filter((s) => s.plan.revise !== undefined)
      .map((s) => {
        const { record } = s.items[s.plan.revise!];
        return versionId(record.uri, record.version);
      });
    const docs = await this.readByIds<StoredDerivation & { uri: string; version: number }>(
      this.versions.collection as unknown as Collection<StoredDocument>,
      ids,
      {
        uri: 1,
        version: 1,
        contentHash: 1,
        ninjs: 1,
        enrichment: 1,
        ingest: 1,
        storedAt: 1,
        revisedAt: 1,
        revisions: 1,
      },
    );
    return new Map(
      docs.map((doc) => {
        const { uri, version, ...derivation } = doc;
        return [versionId(uri, version), derivation];
      }),
    );
  }

  /** Documents by _id: one $in query, or (FerretDB, a few ids) one query per id. */
  private async readByIds<T>(collection: Collection<StoredDocument>, ids: string[], fields: Document): Promise<T[]> {
    if (ids.length === 0) return [];
    const projection = { ...fields, _id: 0 };
    if (ids.length > this.profile.pointReadMax) {
      return (await collection.find({ _id: { $in: ids } }, { projection }).toArray()) as T[];
    }
    const docs = await mapLimited(ids, this.profile.readConcurrency, (id) =>
      collection.findOne({ _id: id }, { projection }),
    );
    return docs.filter((doc) => doc !== null) as T[];
  }
}
