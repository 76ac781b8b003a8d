import { normalizeTags, type NerType } from './ner-datasets';
import { goldTags, prepareDoc, tokenizeDoc } from './ner-prepare';

const map = (label: string): NerType | null =>
  label === 'PER' || label === 'person' ? 'PER' : label === 'ORG' ? 'ORG' : label === 'LOC' ? 'LOC' : null;

describe('normalizeTags', () => {
  it.each([
    ['IOB2 as it is', ['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'I-PER', 'O', 'B-LOC']],
    ['IOB1: I- after O starts a name', ['I-PER', 'I-PER', 'O', 'I-LOC'], ['B-PER', 'I-PER', 'O', 'B-LOC']],
    ['IOB1: a change of type starts a name', ['I-PER', 'I-LOC'], ['B-PER', 'B-LOC']],
    ['other types become O', ['B-MISC', 'I-MISC', 'B-ORG'], ['O', 'O', 'B-ORG']],
    ['an I- after a dropped type starts a name', ['B-MISC', 'I-ORG'], ['O', 'B-ORG']],
    ['mapped labels', ['B-person', 'I-person'], ['B-PER', 'I-PER']],
  ])('%s', (_name, raw, expected) => expect(normalizeTags(raw, map)).toEqual(expected));
});

describe('prepareDoc and goldTags', () => {
  it('lays gold spans over our own tokens by character offsets', () => {
    const doc = prepareDoc({
      id: 'd',
      sentences: [
        {
          tokens: ['Angela', 'Merkel', 'visited', 'New', 'York', '.'],
          tags: ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC', 'O'],
        },
      ],
    });
    expect(doc.paragraphs).toEqual(['Angela Merkel visited New York .']);
    expect(doc.gold.map((g) => [g.text, g.type])).toEqual([
      ['Angela Merkel', 'PER'],
      ['New York', 'LOC'],
    ]);
    const tokenized = tokenizeDoc(doc);
    expect([...goldTags(doc, tokenized)]).toEqual([1, 2, 0, 5, 6, 0]);
  });
});
