import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WireError } from '@wiredesk/contracts';
import type { EnrichInput, Enricher, Enrichment } from '@wiredesk/enrich';
import { validateNinjs } from '@wiredesk/ninjs';
import { normalizeBytes } from './normalize';

const SEED = readFileSync(join(__dirname, '../../../test/fixtures/seed/afp-us-nato-cyber.txt'));

/** A stand-in enricher that records what it was given and tags every article with one organisation. */
function recordingEnricher(): Enricher & { inputs: EnrichInput[] } {
  const inputs: EnrichInput[] = [];
  return {
    inputs,
    enrich(input: EnrichInput): Enrichment {
      inputs.push(input);
      return {
        language: 'en',
        entities: [{ kind: 'organisation', name: 'NATO', rel: 'about', score: 1, surfaceForms: ['NATO'] }],
        subjects: [],
        keywords: [],
        captions: input.captions.map(() => ({})),
        mentions: [],
        wordCount: 0,
        charCount: 0,
      };
    },
  };
}

describe('normalizeBytes', () => {
  it('turns the seed into valid ninjs 3.1 articles with details beside each', () => {
    const result = normalizeBytes(
      SEED,
      { filename: 'afp-us-nato-cyber.txt' },
      { meta: { receivedAt: '2018-10-03T09:00:00Z' } },
    );
    expect(result.format).toBe('text');
    expect(result.articles.length).toBeGreaterThan(0);
    expect(result.details).toHaveLength(result.articles.length);
    for (const article of result.articles) expect(validateNinjs(article).errors).toEqual([]);
    expect(result.details[0]).toEqual({ source: { format: 'text' } });
    expect(result.articles[0].versionCreated).toBe('2018-10-03T09:00:00Z');
  });

  it('is deterministic: the same bytes give the same articles', () => {
    const meta = { receivedAt: '2018-10-03T09:00:00Z' };
    expect(normalizeBytes(SEED, {}, { meta }).articles).toEqual(normalizeBytes(SEED, {}, { meta }).articles);
  });

  it('runs the enricher once per article on what the article says and applies its result', () => {
    const enricher = recordingEnricher();
    const result = normalizeBytes(SEED, {}, { enricher });
    expect(enricher.inputs).toHaveLength(result.articles.length);
    expect(enricher.inputs[0].paragraphs.length).toBeGreaterThan(0);
    expect(result.articles[0].organisations).toEqual([{ name: 'NATO', rel: 'about' }]);
    expect(result.details[0].enrichment?.entities[0].name).toBe('NATO');
  });

  it('reports an enricher that breaks as ENRICH_FAILED', () => {
    const broken: Enricher = {
      enrich: () => {
        throw new TypeError('gazetteer missing');
      },
    };
    expect(() => normalizeBytes(SEED, {}, { enricher: broken })).toThrow(
      expect.objectContaining({ code: 'ENRICH_FAILED', message: expect.stringContaining('gazetteer missing') }),
    );
  });

  it('throws a WireError with a stable code on bad input', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(() => normalizeBytes(junk, {})).toThrow(WireError);
    expect(() => normalizeBytes(Buffer.alloc(0), {})).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
});
