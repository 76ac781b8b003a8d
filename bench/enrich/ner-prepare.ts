/**
 * From a corpus document to what the recogniser sees at run time: each sentence becomes a paragraph (its tokens
 * joined by spaces), our own tokenizer cuts it, and the gold spans (character ranges) are laid over our tokens. Both
 * training and evaluation go through here, so the model is trained and measured on the tokens it gets in service.
 */
import { tokenize, type Tokenized } from '../../libs/enrich/src/text/tokenizer';
import type { NerDoc, NerType } from './ner-datasets';

export interface GoldSpan {
  paragraph: number;
  /** character range in the paragraph */
  start: number;
  end: number;
  type: NerType;
  text: string;
}

export interface PreparedDoc {
  id: string;
  paragraphs: string[];
  gold: GoldSpan[];
}

export function prepareDoc(doc: NerDoc): PreparedDoc {
  const paragraphs: string[] = [];
  const gold: GoldSpan[] = [];
  for (const s of doc.sentences) {
    const p = paragraphs.length;
    const starts: number[] = [];
    let text = '';
    for (const tok of s.tokens) {
      if (text) text += ' ';
      starts.push(text.length);
      text += tok;
    }
    paragraphs.push(text);
    for (let i = 0; i < s.tags.length; i++) {
      if (!s.tags[i].startsWith('B-')) continue;
      let j = i + 1;
      while (j < s.tags.length && s.tags[j].startsWith('I-')) j++;
      const end = starts[j - 1] + s.tokens[j - 1].length;
      gold.push({
        paragraph: p,
        start: starts[i],
        end,
        type: s.tags[i].slice(2) as NerType,
        text: text.slice(starts[i], end),
      });
    }
  }
  return { id: doc.id, paragraphs, gold };
}

const TAG_OF: Record<NerType, number> = { PER: 1, ORG: 3, LOC: 5 };

/** Gold tag index (TAGS of libs/enrich/src/ner/tags.ts) of each of our tokens: B where a span starts, I inside it. */
export function goldTags(doc: PreparedDoc, tokenized: Tokenized): Uint8Array {
  const tags = new Uint8Array(tokenized.tokens.length);
  const bySeg = new Map<number, GoldSpan[]>();
  for (const g of doc.gold) {
    const list = bySeg.get(g.paragraph) ?? [];
    list.push(g);
    bySeg.set(g.paragraph, list);
  }
  for (const seg of tokenized.segments) {
    const spans = bySeg.get(seg.index);
    if (!spans) continue;
    for (const g of spans) {
      let first = true;
      for (let i = seg.from; i < seg.to; i++) {
        const t = tokenized.tokens[i];
        if (t.end <= g.start || t.start >= g.end) continue;
        tags[i] = TAG_OF[g.type] + (first ? 0 : 1);
        first = false;
      }
    }
  }
  return tags;
}

export function tokenizeDoc(doc: PreparedDoc): Tokenized {
  return tokenize(undefined, doc.paragraphs);
}
