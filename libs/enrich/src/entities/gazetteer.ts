import type { EntityKind } from '../enrichment';
import { PUNCT, type Token, tokenizeSegment } from '../text/tokenizer';

/** One known entity the text can name. */
export interface GazetteerEntry {
  kind: EntityKind;
  name: string;
  uri?: string;
  placeType?: string;
  /** ISO 3166 code of the country a city or region lies in, or of the country itself */
  country?: string;
  capital?: boolean;
  /** the name is also a common word or a first/last name: needs a place context to count */
  ambiguous?: boolean;
}

/** How a text token must look to match one alias token. */
const ANY = 0;
const CAPITALISED = 1;
const UPPER = 2;
const EXACT = 3;

interface AliasForm {
  pattern: Uint8Array;
  texts: string[];
  entry: GazetteerEntry;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  forms: AliasForm[] | undefined;
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  /** number of tokens matched */
  length: number;
}

const newNode = (): TrieNode => ({ next: undefined, forms: undefined });

/**
 * Aliases tokenised exactly like article text and stored in a trie keyed by lower-case tokens, so a match is one walk
 * from a capitalised token. Case rules per alias token: capitalised words must be capitalised in the text, short
 * all-caps aliases ("US", "UN") must be all caps, small connector words ("of", "de") match in any case.
 */
export class Gazetteer {
  private readonly root = newNode();
  private readonly scratch: Token[] = [];
  size = 0;

  add(alias: string, entry: GazetteerEntry): void {
    const tokens = this.scratch;
    tokens.length = 0;
    tokenizeSegment(alias, 0, tokens);
    if (tokens.length === 0 || (!tokens[0].cap && tokens[0].kind !== PUNCT && !/^\d/.test(tokens[0].text))) return;
    let node = this.root;
    const pattern = new Uint8Array(tokens.length);
    const texts: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!node.next) node.next = new Map();
      let child = node.next.get(t.lower);
      if (!child) {
        child = newNode();
        node.next.set(t.lower, child);
      }
      node = child;
      texts.push(t.text);
      if (t.kind === PUNCT) pattern[i] = EXACT;
      else if (t.upper && t.text.replace(/\./g, '').length <= 3) pattern[i] = UPPER;
      else if (t.cap) pattern[i] = CAPITALISED;
      else pattern[i] = ANY;
    }
    if (!node.forms) node.forms = [];
    // the first entry registered for a form wins: callers add countries before organisations before cities
    if (node.forms.some((f) => f.pattern.join() === pattern.join())) return;
    node.forms.push({ pattern, texts, entry });
    this.size++;
  }

  /** Some alias starts with this lower-case word (else no match can start at a token of it). */
  startsAlias(lower: string): boolean {
    return this.root.next?.has(lower) ?? false;
  }

  /**
   * Longest alias starting at tokens[i] (within [i, end)). `allCaps` segments (headlines in capitals) accept
   * capitalised aliases in capitals but not short all-caps ones, which are then indistinguishable from words.
   */
  longestMatch(tokens: readonly Token[], i: number, end: number, allCaps: boolean): GazetteerMatch | undefined {
    let node: TrieNode | undefined = this.root;
    let best: GazetteerMatch | undefined;
    for (let j = i; j < end && node?.next; j++) {
      node = node.next.get(tokens[j].lower);
      if (!node) break;
      if (node.forms) {
        for (const form of node.forms) {
          if (formMatches(form, tokens, i, allCaps)) {
            best = { entry: form.entry, length: j - i + 1 };
            break;
          }
        }
      }
    }
    return best;
  }
}

function formMatches(form: AliasForm, tokens: readonly Token[], i: number, allCaps: boolean): boolean {
  const p = form.pattern;
  for (let k = 0; k < p.length; k++) {
    const t = tokens[i + k];
    switch (p[k]) {
      case CAPITALISED:
        if (!t.cap) return false;
        break;
      case UPPER:
        if (!t.upper || allCaps) return false;
        break;
      case EXACT:
        if (t.text !== form.texts[k]) return false;
        break;
      default:
        break;
    }
  }
  return true;
}
