import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { bulkWriteIdempotent, type StoreModel, type WriteOp } from '../bulk';
import type { ArticleRecord } from '../articles/article-record';
import { TimelineChanges } from '../articles/write-plan';
import { ARTICLE_MODEL } from '../schemas/article.schema';
import { RAW_COPY_MODEL } from '../schemas/raw-copy.schema';
import {
  COUNTER_MODEL,
  RAW_COPIES_COUNTER,
  STORIES_COUNTER,
  TIMELINE_FORMAT,
  TIMELINE_FORMAT_VERSION,
  TIMELINE_MODEL,
} from '../schemas/timeline.schema';
import { Inject } from '@nestjs/common';
import { STORE_PROFILE, type StoreProfile } from '../store-profile';
import { entryOf, type TimelineRef } from './timeline-entry';

const CHUNK = 500;

/**
 * Builds the timeline and the counters of a database written before they existed, or the timeline again when it was
 * written in an older shape (TIMELINE_FORMAT: 1 = hour buckets, 2 = ten-minute buckets): once, at start, before the
 * consumers run, by reading every story (a scan, the only one). A story that recorded its entry has it put back
 * unchanged; one that never did gets its entry and records it. Done
 * when the format marker says the current shape; a crash before that re-runs it, which the idempotent statements make
 * harmless.
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
    const format = await this.counters.findOne({ _id: TIMELINE_FORMAT }, { n: 1 }).lean<{ n: number }>();
    if (format?.n === TIMELINE_FORMAT_VERSION) return;
    const counted = await this.counters.exists({ _id: STORIES_COUNTER });
    // a timeline of an older shape: every story's entry is written again, in the current one (the entry a story
    // recorded is put back unchanged, so the story itself need not be rewritten: see recordedBucket)
    if (counted) await this.timeline.deleteMany({});
    const started = Date.now();
    let stories = 0;
    let chunk: (ArticleRecord & { timeline?: TimelineRef })[] = [];
    const directories = new Map<string, Set<number>>();
    const flush = async () => {
      const changes = new TimelineChanges(randomUUID());
      const storyOps: WriteOp[] = [];
      for (const doc of chunk) {
        if (doc.timeline) {
          changes.restore(doc.timeline);
          continue;
        }
        const ref = changes.move(entryOf(doc), undefined, []);
        storyOps.push({ updateOne: { filter: { _id: doc.uri }, update: { $set: { timeline: ref } } } });
      }
      for (const ops of [changes.bucketOps(), changes.stampOps()]) {
        await bulkWriteIdempotent(
          this.timeline,
          ops.map((o) => o.op),
          this.profile.maxOpsPerCommand,
        );
      }
      // directories once, at the end: written per chunk, each would be rewritten hundreds of times as it grows
      for (const [id, slots] of changes.directorySlots()) {
        const known = directories.get(id) ?? new Set<number>();
        slots.forEach((slot) => known.add(slot));
        directories.set(id, known);
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
    const directoryOps: WriteOp[] = [...directories].map(([id, slots]) => ({
      updateOne: { filter: { _id: id }, update: { $addToSet: { b: { $each: [...slots] } } }, upsert: true },
    }));
    await bulkWriteIdempotent(this.timeline, directoryOps, this.profile.maxOpsPerCommand);
    const rawCopies = await this.raw.estimatedDocumentCount();
    const set = (id: string, n: number): WriteOp => ({
      updateOne: { filter: { _id: id }, update: { $setOnInsert: { n } }, upsert: true },
    });
    // counts kept where they exist (they are right); the format marker last: it marks the work as done
    await bulkWriteIdempotent(this.counters, [set(RAW_COPIES_COUNTER, rawCopies)]);
    await bulkWriteIdempotent(this.counters, [set(STORIES_COUNTER, stories)]);
    await bulkWriteIdempotent(this.counters, [
      {
        updateOne: { filter: { _id: TIMELINE_FORMAT }, update: { $set: { n: TIMELINE_FORMAT_VERSION } }, upsert: true },
      },
    ]);
    if (stories > 0 || rawCopies > 0) {
      const msg = counted ? 'timeline built again in its current shape' : 'timeline and counters built';
      this.logger.log({ msg, stories, rawCopies, ms: Date.now() - started });
    }
  }
}
