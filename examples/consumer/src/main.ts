/* eslint-disable no-console -- a command-line example: printing is its job */
/**
 * Runs the example consumer and prints one line per change:
 *   KAFKA_BROKERS=127.0.0.1:9092 npx ts-node examples/consumer/src/main.ts   (or compile it with tsc first)
 */
import { startExampleConsumer } from './consumer';

async function main(): Promise<void> {
  const running = await startExampleConsumer({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    topic: process.env.TOPIC_ARTICLES ?? 'articles.normalized',
    groupId: process.env.GROUP_ID ?? 'example-consumer',
    onChange: (decision, e) => {
      const headline = e.article.headlines?.find((h) => h.role === 'main')?.value ?? '';
      console.log(`${decision.padEnd(8)} ${e.uri} v${e.version} ${headline}`);
    },
  });
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
