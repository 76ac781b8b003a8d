import { createEnricher } from '../enricher';
import type { Enricher, Enrichment, EnrichInput } from '../enrichment';

/** End to end through the enricher with the shipped model: a few invented news texts per language. */
const input = (paragraphs: string[], extra: Partial<EnrichInput> = {}): EnrichInput => ({
  paragraphs,
  captions: [],
  sourceSubjects: [],
  ...extra,
});
const names = (e: Enrichment, kind: string): string[] =>
  e.entities
    .filter((t) => t.kind === kind)
    .map((t) => t.name)
    .sort();
const all = (e: Enrichment): string[] => e.entities.map((t) => t.name);

describe('the trained recogniser, end to end', () => {
  let enricher: Enricher;
  beforeAll(() => {
    enricher = createEnricher();
  }, 30_000);

  describe('English', () => {
    it('finds people, organisations and places, and links a surname to the full name', () => {
      const e = enricher.enrich(
        input(
          [
            'Finance minister Rachel Okafor told the European Central Bank on Tuesday that Nigeria would cut its deficit.',
            'Okafor said the plan had the backing of the International Monetary Fund.',
          ],
          { language: 'en' },
        ),
      );
      expect(names(e, 'person')).toEqual(['Rachel Okafor']);
      expect(names(e, 'organisation')).toEqual(expect.arrayContaining(['European Central Bank']));
      expect(names(e, 'place')).toEqual(['Nigeria']);
      expect(e.entities.find((t) => t.name === 'Nigeria')?.uri).toBe('http://cv.iptc.org/newscodes/iso3166-1a2/ng');
    });

    it('reads an all-caps headline cased as running text', () => {
      const e = enricher.enrich(
        input(['Storms cut power to thousands of homes in Brittany on Sunday, the operator Enedis said.'], {
          headline: 'STORMS CUT POWER ACROSS FRANCE',
          language: 'en',
        }),
      );
      expect(names(e, 'place')).toEqual(expect.arrayContaining(['France']));
      expect(all(e)).not.toContain('Storms');
      expect(all(e)).not.toContain('STORMS');
    });

    it('takes the clubs of a standings table as organisations', () => {
      const e = enricher.enrich(
        input(
          ['Premier League table after Saturday:', '1. Liverpool 20 15 4 1 45 12 49', '2. Arsenal 20 14 3 3 40 18 45'],
          {
            language: 'en',
          },
        ),
      );
      expect(names(e, 'organisation')).toEqual(expect.arrayContaining(['Liverpool', 'Arsenal']));
      expect(names(e, 'place')).not.toContain('Liverpool');
    });
  });

  describe('German', () => {
    it('does not take capitalised nouns for people', () => {
      const e = enricher.enrich(
        input(
          [
            'Die Polizei ermittelt wegen Verdacht auf Brandstiftung, nachdem ein Feuer in der Nacht ein Wohnhaus in Köln zerstört hatte.',
            'Zwei Frauen wurden leicht verletzt, sagte Bürgermeisterin Henriette Reker am Morgen.',
          ],
          { language: 'de' },
        ),
      );
      for (const noun of ['Verdacht', 'Feuer', 'Frauen', 'Polizei', 'Nacht', 'Morgen'])
        expect(all(e)).not.toContain(noun);
      expect(names(e, 'person')).toEqual(['Henriette Reker']);
      expect(names(e, 'place')).toEqual(expect.arrayContaining(['Cologne']));
    });
  });

  describe('French', () => {
    it('finds names and leaves sentence-initial words alone', () => {
      const e = enricher.enrich(
        input(
          [
            'Selon le ministère, le président Emmanuel Macron recevra vendredi à Paris le chancelier allemand.',
            'Les syndicats ont appelé à une grève nationale.',
          ],
          { language: 'fr' },
        ),
      );
      expect(names(e, 'person')).toEqual(['Emmanuel Macron']);
      expect(names(e, 'place')).toEqual(expect.arrayContaining(['Paris']));
      for (const word of ['Selon', 'Les']) expect(all(e)).not.toContain(word);
    });
  });

  describe('Spanish', () => {
    it('finds names and leaves common words alone', () => {
      const e = enricher.enrich(
        input(
          [
            'Durante la reunión en Madrid, el presidente Pedro Sánchez defendió el acuerdo con la Unión Europea.',
            'Según fuentes del Gobierno, las negociaciones seguirán la próxima semana.',
          ],
          { language: 'es' },
        ),
      );
      expect(names(e, 'person')).toEqual(['Pedro Sánchez']);
      expect(names(e, 'place')).toEqual(expect.arrayContaining(['Madrid']));
      for (const word of ['Durante', 'Según']) expect(all(e)).not.toContain(word);
    });
  });
});
