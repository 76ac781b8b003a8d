import { BOILERPLATE_PHRASES, type BoilerplateClass } from './boilerplate-phrases';

/** One case-insensitive pattern per class, all languages joined: a block is tested once per class. */
const PATTERNS: [BoilerplateClass, RegExp][] = (Object.keys(BOILERPLATE_PHRASES) as BoilerplateClass[]).map((cls) => [
  cls,
  new RegExp(
    Object.values(BOILERPLATE_PHRASES[cls])
      .flat()
      .map((p) => `(?:${p})`)
      .join('|'),
    'iu',
  ),
]);

/** Furniture blocks are short; a long paragraph quoting one of the phrases is story text. */
const MAX_WORDS = 70;

/** Words, counting each CJK or Thai character run as words by length (those scripts have no spaces). */
export function roughWords(text: string): number {
  const spaced = text.split(/\s+/).filter(Boolean).length;
  const dense = (text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/g) ?? []).length;
  return spaced + Math.round(dense / 2);
}

/** The furniture class of a body block, or undefined when it reads as story text. */
export function boilerplateClass(text: string): BoilerplateClass | undefined {
  if (roughWords(text) > MAX_WORDS) return undefined;
  const t = text.trim();
  for (const [cls, re] of PATTERNS) if (re.test(t)) return cls;
  return undefined;
}

const PAYWALL = PATTERNS.find(([cls]) => cls === 'paywall')?.[1];

/** Only the paywall class: for a scan of every paragraph of a page. */
export function isPaywallNotice(text: string): boolean {
  return PAYWALL !== undefined && text.length < 400 && PAYWALL.test(text);
}
