import type { ItemTask } from '@wiredesk/contracts';
import { createEnricher, type Enricher } from '@wiredesk/enrich';
import { runItems } from './item-loop';
import { enrichItem, type EnrichItem } from './enrich-item';
import { warmUpEnrich } from './warm-up';

/** Built when the worker thread starts (gazetteers, models): the main thread never loads them. */
let enricher: Enricher | undefined;
const loadEnricher = (): Enricher => (enricher ??= createEnricher());

/** The enricher's worker thread (libs/platform BudgetedPool): articles → enriched, validated, serialized. */
export default function enrichItems(task: ItemTask<EnrichItem>): Promise<number> {
  const loaded = loadEnricher();
  return runItems(task, (item) => enrichItem(item, loaded));
}

/** Run by the pool when the thread starts, before its first task (no item's clock runs). */
export function warmUp(): Promise<void> {
  return warmUpEnrich(loadEnricher());
}
