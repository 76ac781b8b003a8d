import type { ItemTask } from '@wiredesk/contracts';
import { runItems } from './item-loop';
import { parseItem, type ParseItem } from './parse-item';
import { warmUpParse } from './warm-up';

/** The normalizer's worker thread (libs/platform BudgetedPool): raw inputs → ninjs articles. */
export default function parseItems(task: ItemTask<ParseItem>): Promise<number> {
  return runItems(task, parseItem);
}

/** Run by the pool when the thread starts, before its first task (no item's clock runs). */
export const warmUp = warmUpParse;
