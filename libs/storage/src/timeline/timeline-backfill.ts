import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { bulkWriteIdempotent, type StoreModel, type WriteOp } from '../bulk';
import type { ArticleRecord } from '../articles/article-record';
import { TimelineChanges } from '../articles/write-plan';
import { ARTICLE_MODEL } from '../schemas/article.schema';
import { RAW_COPY_MODEL } from '../schemas/raw-copy.schema';
import { COUNTER_MODEL, RAW_COPIES_COUNTER, STORIES_COUNTER, TIMELINE_MODEL } from '../schemas/timeline.schema';
import { Inject } from '@nestjs/common';
import { STORE_PROFILE, type StoreProfile } from '../store-profile';
import { entryOf, type TimelineRef } from './timeline-entry';

const CHUNK = 500;

/**
 * Builds the timeline and the counters of a database written before they existed: once, at start, before the
 * consumers run, by reading every story (a scan, the only one; on FerretDB about a second per 1,000 stories). Done
 * when the stories counter exists; a crash before that re-runs it, which the idempotent statements make harmless.
 */
@Injectable()
export class TimelineBackfill {
  private readonly logger = new Logger('TimelineBackfill');

  constructor(
    @InjectModel(ARTICLE_MODEL) private readonly articles: StoreModel,
    @InjectModel(RAW_COPY_MODEL) private readonly raw: StoreModel,
    @InjectModel(TIMELINE_MODEL) private readonly timeline: StoreModel,
    @InjectModel(COUNTER_MODEL) private readonly counters: StoreModel,
    @Inject(STORE_PROFILE) private readonly profile: StoreProfile,
  ) {}

  async run(): Promise<void> {
    if (await this.counters.exists({ _id: STORIES_COUNTER })) return;
    const started = Date.now();
    let stories = 0;
    let chunk: (ArticleRecord & { timeline?: TimelineRef })[] = [];
    const flush = async () => {
      const changes = new TimelineChanges(randomUUID());
      const storyOps: WriteOp[] = [];
      for (const doc of chunk) {
        const ref = changes.move(entryOf(doc), doc.timeline, []);
        storyOps.push({ updateOne: { filter: { _id: doc.uri }, update: { $set: { timeline: ref } } } });
      }
      for (const ops of [changes.ops(), changes.stampOps()]) {
        await bulkWriteIdempotent(
          this.timeline,
          ops.map((o) => o.op),
          this.profile.maxOpsPerCommand,
        );
      }
      await bulkWriteIdempotent(this.articles, storyOps, this.profile.maxOpsPerCommand);
      stories += chunk.length;
      chunk = [];
    };
    const cursor = this.articles
      .find({}, { ninjs: 0, enrichment: 0, terms: 0, headlineTerms: 0, leadTerms: 0, versionHashes: 0 })
      .lean<ArticleRecord & { timeline?: TimelineRef }>()
      .cursor();
    for await (const doc of cursor) {
      chunk.push(doc as ArticleRecord & { timeline?: TimelineRef });
      if (chunk.length >= CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    const rawCopies = await this.raw.estimatedDocumentCount();
    const set = (id: string, n: number): WriteOp => ({
      updateOne: { filter: { _id: id }, update: { $setOnInsert: { n } }, upsert: true },
    });
    // raw first: the stories counter marks the backfill as done
    await bulkWriteIdempotent(this.counters, [set(RAW_COPIES_COUNTER, rawCopies)]);
    await bulkWriteIdempotent(this.counters, [set(STORIES_COUNTER, stories)]);
    if (stories > 0 || rawCopies > 0) {
      this.logger.log({ msg: 'timeline and counters built', stories, rawCopies, ms: Date.now() - started });
    }
  }
}
