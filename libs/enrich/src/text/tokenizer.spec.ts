import { NUMBER, PUNCT, tokenize, WORD } from './tokenizer';

const texts = (s: string): string[] => tokenize(undefined, [s]).tokens.map((t) => t.text);

describe('tokenize', () => {
  it('keeps abbreviations with dots, splits possessives and trailing punctuation', () => {
    expect(texts("The U.S. backed NATO, not Macedonia's bid -- Estonia.")).toEqual([
      'The',
      'U.S.',
      'backed',
      'NATO',
      ',',
      'not',
      'Macedonia',
      "'",
      's',
      'bid',
      '--',
      'Estonia',
      '.',
    ]);
  });

  it('keeps hyphenated words, names with apostrophes and splits French elisions', () => {
    expect(texts("Saint-Germain's O'Brien said l'armée d'Italie")).toEqual([
      'Saint-Germain',
      "'",
      's',
      "O'Brien",
      'said',
      "l'",
      'armée',
      "d'",
      'Italie',
    ]);
  });

  it('flags capitalisation, all caps and sentence starts, with offsets into the paragraph', () => {
    const { tokens } = tokenize('NATO chief speaks', ['He said it. "We see cyber," Stoltenberg said: Mr. Smith left.']);
    const byText = new Map(tokens.map((t) => [t.text, t]));
    expect(byText.get('NATO')).toMatchObject({ upper: true, cap: true, seg: -1, sentStart: true });
    expect(byText.get('He')!.sentStart).toBe(true);
    expect(byText.get('We')!.sentStart).toBe(true);
    expect(byText.get('Stoltenberg')!.sentStart).toBe(false);
    expect(byText.get('Mr.')!.kind).toBe(WORD);
    expect(byText.get('Smith')!.sentStart).toBe(false);
    const p = 'He said it. "We see cyber," Stoltenberg said: Mr. Smith left.';
    const s = byText.get('Stoltenberg')!;
    expect(p.slice(s.start, s.end)).toBe('Stoltenberg');
  });

  it('reads numbers with separators and treats non-breaking spaces as spaces', () => {
    const { tokens } = tokenize(undefined, ['Prices rose 3.2 percent to 1,250\u00a0euros (about $1,400).']);
    expect(tokens.filter((t) => t.kind === NUMBER).map((t) => t.text)).toEqual(['3.2', '1,250', '1,400']);
    expect(tokens.some((t) => t.kind === PUNCT && t.text === '\u00a0')).toBe(false);
  });

  it('starts sentences after the sentence marks and an ellipsis, not after a longer run of dots or a dash', () => {
    const starts = (p: string): string[] =>
      tokenize(undefined, [p])
        .tokens.filter((t) => t.sentStart)
        .map((t) => t.text);
    expect(starts('One… Two! Three? Four: Five; Six... Seven.... Eight -- Nine')).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
      'Five',
      'Six',
      'Seven',
    ]);
    expect(starts('He said: “Come”, and — (Wait) — they left.')).toEqual(['He', 'Come']);
    expect(starts('It rose, "Prices went up" Smith said.')).toEqual(['It', 'Prices']);
  });

  it('reads capitals beyond ASCII: all caps, capitalised, lower case', () => {
    const { tokens } = tokenize(undefined, ['ÉLYSÉE Émile élan ΑΘΗΝΑ Øresund']);
    const flags = tokens.map((t) => [t.text, t.cap, t.upper]);
    expect(flags).toEqual([
      ['ÉLYSÉE', true, true],
      ['Émile', true, false],
      ['élan', false, false],
      ['ΑΘΗΝΑ', true, true],
      ['Øresund', true, false],
    ]);
  });

  it('treats "al-Assad" style names as capitalised and accented letters as letters', () => {
    const { tokens } = tokenize(undefined, ['Bashar al-Assad met Désiré Doué in Zürich.']);
    expect(tokens.find((t) => t.text === 'al-Assad')!.cap).toBe(true);
    expect(tokens.find((t) => t.text === 'Désiré')).toMatchObject({ cap: true, lower: 'désiré' });
    expect(texts('Zürich.')).toEqual(['Zürich', '.']);
  });
});
