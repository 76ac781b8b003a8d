import { allowedPredecessors, emissions, FORBIDDEN, transitionTable, viterbi } from './decode';
import { spansOf, TAG_COUNT, TAG_INDEX, TAGS } from './tags';

const tag = (name: string): number => TAG_INDEX.get(name)!;

/** Decodes hand-set emission scores (one row per token: tag name → score, others 0). */
function decode(rows: Record<string, number>[], learned?: Float32Array): string[] {
  const n = rows.length;
  const emit = new Float32Array(n * TAG_COUNT);
  rows.forEach((r, k) => {
    for (const [name, s] of Object.entries(r)) emit[k * TAG_COUNT + tag(name)] = s;
  });
  const out = new Uint8Array(n);
  viterbi(
    emit,
    transitionTable(TAG_COUNT, learned),
    n,
    TAG_COUNT,
    new Float32Array(n * TAG_COUNT),
    new Uint8Array(n * TAG_COUNT),
    out,
  );
  return [...out].map((t) => TAGS[t]);
}

describe('viterbi', () => {
  it('finds the same path trying only the allowed predecessors', () => {
    // pseudo-random emissions and learned transitions of the weights' magnitude (deterministic)
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed / 2 ** 32 - 0.5) * 60_000;
    };
    const learned = Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, next);
    const transitions = transitionTable(TAG_COUNT, learned);
    const predecessors = allowedPredecessors(transitions, TAG_COUNT);
    for (const n of [1, 2, 5, 40, 300]) {
      const emit = Float32Array.from({ length: n * TAG_COUNT }, next);
      const run = (ps?: Uint8Array[]): number[] => {
        const tags = new Uint8Array(n);
        const args = [new Float32Array(n * TAG_COUNT), new Uint8Array(n * TAG_COUNT), tags] as const;
        viterbi(emit, transitions, n, TAG_COUNT, ...args, ps);
        return [...tags];
      };
      expect(run(predecessors)).toEqual(run());
    }
  });

  const cases: [string, Record<string, number>[], string[]][] = [
    [
      'the best tag per token when nothing conflicts',
      [{ 'B-PER': 2 }, { 'I-PER': 2 }, { O: 1 }],
      ['B-PER', 'I-PER', 'O'],
    ],
    ['never an I- at the start', [{ 'I-ORG': 5, 'B-ORG': 1 }, { O: 1 }], ['B-ORG', 'O']],
    ['never an I- of another type', [{ 'B-PER': 3 }, { 'I-LOC': 3, 'I-PER': 1 }], ['B-PER', 'I-PER']],
    ['never an I- after O', [{ O: 3 }, { 'I-LOC': 2, 'B-LOC': 1 }], ['O', 'B-LOC']],
    ['the best legal path, not the best tags one by one', [{ O: 2, 'B-ORG': 1.5 }, { 'I-ORG': 4 }], ['B-ORG', 'I-ORG']],
    ['an empty sequence', [], []],
  ];
  it.each(cases)('%s', (_name, rows, expected) => {
    expect(decode(rows)).toEqual(expected);
  });

  it('adds learned transition scores', () => {
    const learned = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
    learned[tag('B-PER') * TAG_COUNT + tag('B-PER')] = -10;
    expect(decode([{ 'B-PER': 2 }, { 'B-PER': 2, O: 1 }], learned)).toEqual(['B-PER', 'O']);
  });

  it('rules out illegal pairs in the table', () => {
    const t = transitionTable(TAG_COUNT);
    expect(t[TAG_COUNT * TAG_COUNT + tag('I-PER')]).toBe(FORBIDDEN);
    expect(t[tag('B-ORG') * TAG_COUNT + tag('I-ORG')]).toBe(0);
    expect(t[tag('B-ORG') * TAG_COUNT + tag('I-LOC')]).toBe(FORBIDDEN);
  });
});

describe('emissions', () => {
  it('sums the weight rows of each token', () => {
    const weights = new Int16Array(4 * TAG_COUNT);
    weights[1 * TAG_COUNT + 2] = 5;
    weights[3 * TAG_COUNT + 2] = -2;
    weights[3 * TAG_COUNT + 0] = 7;
    const feats = Int32Array.from([1 * TAG_COUNT, 3 * TAG_COUNT, 3 * TAG_COUNT]);
    const offsets = Int32Array.from([0, 2, 3]);
    const out = new Float32Array(2 * TAG_COUNT);
    emissions(weights, feats, offsets, 2, TAG_COUNT, out);
    expect(out[2]).toBe(3);
    expect(out[0]).toBe(7);
    expect(out[TAG_COUNT + 2]).toBe(-2);
  });
});

describe('spansOf', () => {
  it.each([
    [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      [
        [0, 2, 'person'],
        [3, 4, 'place'],
      ],
    ],
    [
      ['B-ORG', 'B-ORG', 'I-ORG'],
      [
        [0, 1, 'organisation'],
        [1, 3, 'organisation'],
      ],
    ],
    [['O', 'O'], []],
  ])('%j', (tags, spans) => {
    const ids = Uint8Array.from(tags.map(tag));
    expect(spansOf(ids, ids.length, 10).map((s) => [s.from - 10, s.to - 10, s.kind])).toEqual(spans);
  });
});
