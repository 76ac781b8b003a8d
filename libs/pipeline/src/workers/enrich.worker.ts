import type { ItemTask } from '@wiredesk/contracts';
import { createEnricher, type Enricher } from '@wiredesk/enrich';
import { runItems } from './item-loop';
import { enrichItem, type EnrichItem } from './enrich-item';

/** Built on the first task of each worker thread (gazetteers, models): the main thread never loads them. */
let enricher: Enricher | undefined;

/** The enricher's worker thread (libs/platform BudgetedPool): articles → enriched, validated, serialized. */
export default function enrichItems(task: ItemTask<EnrichItem>): Promise<number> {
  enricher ??= createEnricher();
  const loaded = enricher;
  return runItems(task, (item) => enrichItem(item, loaded));
}
