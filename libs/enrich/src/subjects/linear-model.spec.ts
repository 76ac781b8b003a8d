import { decodeVarints, encodeVarints, LinearModel, type LinearModelFile, softmax } from './linear-model';

/** Two classes, two buckets (3 and 1000): bucket 3 votes for "a", bucket 1000 for "b". */
function tinyModel(direct: boolean): LinearModel {
  const file: LinearModelFile = {
    classes: ['a', 'b'],
    bias: [0, 0.5],
    temperature: 2,
    threshold: 0.6,
    buckets: encodeVarints([3, 1000]).toString('base64'),
    scales: Buffer.from(Float32Array.of(2 / 127, 1 / 127).buffer).toString('base64'),
    weights: Buffer.from(Int8Array.of(127, -127, -127, 127).buffer).toString('base64'),
  };
  return new LinearModel(file, direct);
}

function expectClose(actual: Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => expect(actual[i]).toBeCloseTo(x, 5));
}

describe('LinearModel', () => {
  it('round-trips ascending bucket ids through delta varints', () => {
    const ids = [0, 1, 127, 128, 300, 16_383, 16_384, 1_048_575];
    expect(decodeVarints(encodeVarints(ids))).toEqual(ids);
  });

  it.each([false, true])('scores sparse vectors, with buckets searched or indexed (direct %s)', (direct) => {
    const m = tinyModel(direct);
    const out = new Float64Array(2);
    expectClose(m.scores(Int32Array.of(3), Float32Array.of(1), 1, out), [2, -1.5]);
    expectClose(m.scores(Int32Array.of(3, 7, 1000), Float32Array.of(0.5, 9, 1), 3, out), [0, 0.5]);
    expectClose(m.scores(Int32Array.of(5), Float32Array.of(1), 1, out), [0, 0.5]);
  });

  it('calibrates by its temperature', () => {
    const p = tinyModel(false).probabilities(Int32Array.of(3), Float32Array.of(1), 1, new Float64Array(2));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-3.5 / 2)), 6);
    expect(p[0] + p[1]).toBeCloseTo(1, 10);
  });

  it('softmax is stable for large scores', () => {
    const p = softmax(Float64Array.of(1000, 1000, -1000));
    expect(Array.from(p)).toEqual([0.5, 0.5, 0]);
  });
});
