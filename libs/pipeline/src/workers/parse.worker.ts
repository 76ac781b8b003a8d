import type { ItemTask } from '@wiredesk/contracts';
import { runItems } from './item-loop';
import { parseItem, type ParseItem } from './parse-item';

/** The normalizer's worker thread (libs/platform BudgetedPool): raw inputs → ninjs articles. */
export default function parseItems(task: ItemTask<ParseItem>): Promise<number> {
  return runItems(task, parseItem);
}
