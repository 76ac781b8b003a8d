import { createEnricher } from '@wiredesk/enrich';
import { warmUpEnrich, warmUpParse } from './warm-up';

// The pool's worker host swallows a failing warm-up (the thread only stays cold), so a broken one shows only here.
describe('worker warm-up', () => {
  it('parses its invented pages and story without an error', async () => {
    await expect(warmUpParse()).resolves.toBeUndefined();
  }, 30_000);

  it('enriches its invented story without an error', async () => {
    await expect(warmUpEnrich(createEnricher())).resolves.toBeUndefined();
  }, 30_000);
});
