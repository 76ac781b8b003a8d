import { enrichDataDir, readJson } from '../data-files';
import { loadStopwords, LANGUAGES } from '../resources';
import { tokenize, WORD } from '../text/tokenizer';
import { NO_INFO, type WordInfo } from '../text/word-info';
import { extractKeywords, keywordClass, keywordWords } from './keywords';

const dir = enrichDataDir();
const stopwords = loadStopwords(dir);
const words = keywordWords(readJson(dir, 'keyword-words.json'));
const mask = (lang: string): number => 1 << LANGUAGES.indexOf(lang as (typeof LANGUAGES)[number]);

function keywords(text: string, lang = 'en', headline?: string): string[] {
  const { tokens } = tokenize(headline, [text]);
  const infos: WordInfo[] = tokens.map((t) =>
    t.kind === WORD
      ? { ...NO_INFO, stop: stopwords.get(t.lower) ?? 0, keyword: keywordClass(words, t.lower) }
      : NO_INFO,
  );
  return extractKeywords(tokens, infos, mask(lang));
}

describe('extractKeywords', () => {
  it.each<[string, string, string[], string[]]>([
    [
      'cuts at verbs: no clause fragments',
      'Fourth quarter sales rose 12 percent, and quarter sales in Asia rose too, while online orders jumped.',
      ['quarter sales'],
      ['fourth quarter sales rose', 'sales rose', 'orders jumped'],
    ],
    [
      'drops the verb after "to"',
      'The state went to court to avoid travel ban rules, and the travel ban rules remain in force.',
      ['travel ban rules'],
      ['avoid travel ban', 'avoid travel ban rules'],
    ],
    [
      'keeps -ed adjectives that open a phrase',
      'Armed robbers raided a jewellery shop; the armed robbers escaped on motorbikes.',
      ['armed robbers'],
      ['robbers escaped'],
    ],
    [
      'leaves names out (a capital inside a sentence)',
      'The central bank tightened monetary policy, and the Bank of England kept its monetary policy unchanged.',
      ['monetary policy', 'central bank'],
      ['bank of england', 'england'],
    ],
    [
      'keeps at most three words, from the head end in English',
      'New national health service waiting list rules were published.',
      ['waiting list rules'],
      ['new national health service waiting list rules'],
    ],
  ])('%s', (_, text, present, absent) => {
    const k = keywords(text);
    for (const p of present) expect(k).toContain(p);
    for (const a of absent) expect(k).not.toContain(a);
  });

  it('finds German noun phrases although every noun is capitalised', () => {
    expect(
      keywords('Die Bundesregierung plant höhere Steuern. Höhere Steuern treffen vor allem Familien.', 'de'),
    ).toContain('höhere steuern');
  });
});
