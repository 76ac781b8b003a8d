import { relevance, stem, termsOf, tokenize } from './terms';

describe('tokenize', () => {
  it('lowercases, drops stopwords and punctuation, and strips diacritics', () => {
    expect(tokenize('The Élysée, and NATO’s cyber-defence!')).toEqual(['elysee', 'nato', 'cyber', 'defence']);
  });

  it('splits elisions and possessives', () => {
    expect(tokenize("l'OTAN Stoltenberg's")).toEqual(['otan', 'stoltenberg']);
  });

  it('keeps numbers and non-Latin words', () => {
    expect(tokenize('G7 2018 Москва')).toEqual(['g7', '2018', 'москва']);
  });

  it('normalizes the text and the query the same way', () => {
    expect(tokenize('Cyber Defences')).toEqual(tokenize('cyber defence'));
    expect(tokenize('skills')).toEqual(tokenize('skill'));
  });
});

describe('stem', () => {
  it('strips plurals and common inflections', () => {
    expect(stem('defences')).toBe('defence');
    expect(stem('countries')).toBe('country');
    expect(stem('churches')).toBe('church');
    expect(stem('talking')).toBe('talk');
    expect(stem('committed')).toBe('committ');
  });

  it('leaves short words and words that only look inflected alone', () => {
    expect(stem('news')).toBe('news');
    expect(stem('used')).toBe('used');
    expect(stem('crisis')).toBe('crisis');
    expect(stem('status')).toBe('status');
    expect(stem('red')).toBe('red');
  });
});

describe('termsOf', () => {
  it('gives distinct terms in first-occurrence order across texts', () => {
    expect(termsOf('NATO cyber', undefined, 'cyber attacks on NATO')).toEqual(['nato', 'cyber', 'attack']);
  });
});

describe('relevance', () => {
  const article = {
    headlineTerms: ['nato', 'cyber'],
    leadTerms: ['nato', 'estonia'],
    terms: ['nato', 'cyber', 'estonia', 'russia'],
  };

  it('weighs headline words over opening words over the rest', () => {
    expect(relevance(article, ['cyber'])).toBeGreaterThan(relevance(article, ['estonia']));
    expect(relevance(article, ['estonia'])).toBeGreaterThan(relevance(article, ['russia']));
    expect(relevance(article, ['russia'])).toBeGreaterThan(relevance(article, ['absent']));
  });

  it('adds up over the query words', () => {
    expect(relevance(article, ['nato', 'russia'])).toBe(relevance(article, ['nato']) + relevance(article, ['russia']));
  });
});
