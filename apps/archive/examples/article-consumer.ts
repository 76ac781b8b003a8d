/**
 * An example downstream consumer of `articles.normalized` (docs/consumers.md), written the way a team outside
 * Wiredesk would: kafkajs only, no Wiredesk code. It keeps the latest state of every story in memory and shows the
 * rules that make at-least-once delivery safe:
 *   - one story = one key = one partition: its messages arrive in order;
 *   - a message may arrive twice (redelivery after a crash, a replay): same uri and content hash → ignore;
 *   - a version lower than or equal to the one held never replaces it;
 *   - `canceled` is final: the story is withdrawn, whatever comes after;
 *   - offsets are committed only after the message is applied.
 *
 * Run it after `npm run build`: KAFKA_BROKERS=127.0.0.1:9092 node dist/apps/archive/examples/article-consumer.js
 * It prints one line per change. test/archive.e2e-spec.ts runs it against the archive.
 */
import { Kafka, logLevel, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';

/** What this consumer keeps per story. */
export interface StoryView {
  uri: string;
  version: number;
  contentHash: string;
  pubStatus: 'usable' | 'withheld' | 'canceled';
  headline?: string;
  versionCreated?: string;
}

export type Change = 'new' | 'updated' | 'canceled' | 'ignored';

interface NinjsLike {
  uri?: unknown;
  version?: unknown;
  versionCreated?: unknown;
  pubStatus?: unknown;
  headlines?: { role?: string; value?: string }[];
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : last.toString();
}

/**
 * Applies one message to the views. Pure apart from the map it updates, so it is easy to test and to port: this is
 * the part a consumer must get right.
 */
export function applyArticleMessage(stories: Map<string, StoryView>, message: KafkaMessage): Change {
  if (!message.value) return 'ignored';
  let doc: NinjsLike;
  try {
    doc = JSON.parse(message.value.toString('utf8')) as NinjsLike;
  } catch {
    return 'ignored'; // never happens on this topic (every value is valid ninjs 3.1); a consumer must not crash
  }
  if (typeof doc.uri !== 'string') return 'ignored';
  const held = stories.get(doc.uri);
  const contentHash = header(message, 'wd-content-hash') ?? '';
  const version = Number.parseInt(String(doc.version ?? '1'), 10) || 1;
  const headline = (doc.headlines?.find((h) => h.role === 'main') ?? doc.headlines?.[0])?.value;

  if (header(message, 'wd-event') === 'canceled' || doc.pubStatus === 'canceled') {
    if (held?.pubStatus === 'canceled') return 'ignored';
    stories.set(doc.uri, {
      ...(held ?? { uri: doc.uri, version, contentHash, headline }),
      pubStatus: 'canceled',
    });
    return 'canceled';
  }
  if (held && (held.pubStatus === 'canceled' || held.contentHash === contentHash || version <= held.version)) {
    return 'ignored';
  }
  stories.set(doc.uri, {
    uri: doc.uri,
    version,
    contentHash,
    pubStatus: doc.pubStatus === 'withheld' ? 'withheld' : 'usable',
    ...(headline ? { headline } : {}),
    ...(typeof doc.versionCreated === 'string' ? { versionCreated: doc.versionCreated } : {}),
  });
  return held ? 'updated' : 'new';
}

export interface ArticleConsumerOptions {
  brokers: string[];
  topic?: string;
  groupId?: string;
  /** called after each change is applied (before its offset is committed) */
  onChange?: (change: Change, story: StoryView | undefined) => void;
}

/** The consumer: eachBatch, offsets resolved and committed only after the message is applied. */
export class ArticleConsumer {
  readonly stories = new Map<string, StoryView>();
  private readonly consumer: Consumer;
  private readonly topic: string;

  constructor(private readonly options: ArticleConsumerOptions) {
    const kafka = new Kafka({
      clientId: 'example-article-consumer',
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
    });
    this.topic = options.topic ?? 'articles.normalized';
    this.consumer = kafka.consumer({ groupId: options.groupId ?? 'example-article-consumer' });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handle(payload),
    });
  }

  private async handle({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning }: EachBatchPayload) {
    for (const message of batch.messages) {
      if (!isRunning()) break;
      const change = applyArticleMessage(this.stories, message);
      if (change !== 'ignored') {
        const uri = message.key?.toString();
        this.options.onChange?.(change, uri ? this.stories.get(uri) : undefined);
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

if (require.main === module) {
  const consumer = new ArticleConsumer({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    topic: process.env.TOPIC_ARTICLES ?? 'articles.normalized',
    onChange: (change, story) =>
      process.stdout.write(
        `${change}\t${story?.uri}\tv${story?.version}\t${story?.pubStatus}\t${story?.headline ?? ''}\n`,
      ),
  });
  const stop = () => void consumer.stop().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void consumer.start();
}
