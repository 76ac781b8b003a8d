import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnricher } from './enricher';
import type { EnrichInput, Enricher, Enrichment } from './enrichment';

const COUNTRY = 'http://cv.iptc.org/newscodes/iso3166-1a2/';

/** The seed as the text parser hands it over: headline, the 8 body paragraphs, the caption with its credit. */
function seedInput(): EnrichInput {
  const raw = readFileSync(join(__dirname, '../../../test/fixtures/enrich/seed-afp-us-nato-cyber.txt'), 'utf8').replace(
    /\u00a0/g,
    ' ',
  );
  const body = raw.split(/BRUSSELS \(AFP\) - */)[1].split('© 2018 AFP')[0];
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const caption = raw.split('\n').find((l) => l.startsWith('© AFP/File |'))!;
  return {
    headline: 'US to let NATO use its cyber defence skills',
    paragraphs,
    captions: [{ caption }],
    sourceSubjects: [],
    located: 'Brussels',
  };
}

const names = (e: Enrichment, kind: string): string[] => e.entities.filter((t) => t.kind === kind).map((t) => t.name);
const input = (text: string, extra: Partial<EnrichInput> = {}): EnrichInput => ({
  paragraphs: [text],
  captions: [],
  sourceSubjects: [],
  ...extra,
});

describe('createEnricher', () => {
  let enricher: Enricher;
  beforeAll(() => {
    enricher = createEnricher();
  }, 30_000);

  describe('on the seed (AFP: US to let NATO use its cyber defence skills)', () => {
    let out: Enrichment;
    beforeAll(() => {
      out = enricher.enrich(seedInput());
    });

    it('has exactly 8 paragraphs to work on', () => {
      expect(seedInput().paragraphs).toHaveLength(8);
    });

    it('finds the person, the organisation and the places with canonical names', () => {
      expect(names(out, 'person')).toEqual(['Jens Stoltenberg']);
      expect(names(out, 'organisation')).toEqual(['NATO']);
      expect(names(out, 'place').sort()).toEqual(
        [
          'Brussels',
          'Denmark',
          'Estonia',
          'Latvia',
          'Lithuania',
          'North Macedonia',
          'Russia',
          'United Kingdom',
          'United States',
        ].sort(),
      );
    });

    it('gives countries their ISO 3166 URI and Brussels its GeoNames URI', () => {
      const uri = (name: string): string | undefined => out.entities.find((t) => t.name === name)?.uri;
      expect(uri('United States')).toBe(`${COUNTRY}us`);
      expect(uri('United Kingdom')).toBe(`${COUNTRY}gb`);
      expect(uri('North Macedonia')).toBe(`${COUNTRY}mk`);
      expect(uri('Estonia')).toBe(`${COUNTRY}ee`);
      expect(uri('Brussels')).toBe('http://sws.geonames.org/2800866/');
    });

    it('links the surname to the full name and keeps the surface forms', () => {
      const person = out.entities.find((t) => t.kind === 'person')!;
      expect(person.surfaceForms).toEqual(expect.arrayContaining(['Jens Stoltenberg', 'Stoltenberg']));
      expect(out.entities.find((t) => t.name === 'United Kingdom')!.surfaceForms).toContain('Britain');
      expect(out.entities.find((t) => t.name === 'North Macedonia')!.surfaceForms).toContain('Macedonia');
    });

    it('leaves no punctuation or sentence-initial common words in names', () => {
      for (const t of out.entities) expect(t.name).toMatch(/^[\p{L}][\p{L} .'-]*[\p{L}.]$/u);
      expect(out.entities.map((t) => t.name)).not.toEqual(
        expect.arrayContaining(['Alliance', 'Most', 'The', 'Washington', 'Moscow']),
      );
    });

    it('marks the headline entities as what the story is about', () => {
      expect(out.entities.find((t) => t.name === 'NATO')!.rel).toBe('about');
      expect(out.entities.find((t) => t.name === 'United States')!.rel).toBe('about');
      expect(out.entities.find((t) => t.name === 'Latvia')!.rel).toBe('mentions');
    });

    it('assigns a calibrated machine topic with its broader chain up to the top level, full URIs and scores', () => {
      const machine = out.subjects.filter((s) => s.creator === 'machine');
      // NATO and cyber defence: IPTC files defence under politics (government), cyber warfare under conflict
      const top = machine.find((s) => /\/\d\d000000$/.test(s.uri))!;
      expect(top.uri).toMatch(/\/(11000000|16000000)$/);
      expect(top.confidence).toBeGreaterThan(50);
      expect(machine[0].broader).toBeUndefined();
      for (const s of out.subjects) {
        expect(s.uri).toMatch(/^http:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/\d{8}$/);
        expect(s.relevance).toBeGreaterThanOrEqual(0);
        expect(s.relevance).toBeLessThanOrEqual(100);
        expect(s.confidence).toBeLessThanOrEqual(100);
      }
    });

    it('writes a summary of whole sentences within 300 characters, without the dateline', () => {
      expect(out.summary).toBe(
        'The United States is expected to make its offensive cyber warfare capabilities available to NATO, officials said Wednesday, as the alliance seeks to strengthen its defences against Russian electronic attacks.',
      );
      expect(out.summary!.length).toBeLessThanOrEqual(300);
    });

    it('detects English and counts words and characters', () => {
      expect(out.language).toBe('en');
      expect(out.wordCount).toBeGreaterThan(200);
      expect(out.charCount).toBeGreaterThan(out.wordCount * 4);
    });

    it('splits the AFP credit out of the caption', () => {
      expect(out.captions).toEqual([
        {
          caption:
            'Britain and Denmark have already publicly committed cyber security resources to NATO, and Washington is expected to announce that it will follow suit',
          credit: 'AFP/File',
        },
      ]);
    });

    it('extracts key phrases in common words', () => {
      expect(out.keywords.length).toBeGreaterThan(3);
      expect(out.keywords.join(' ')).toContain('cyber');
    });

    it('records mentions with paragraph and offset', () => {
      const m = out.mentions.find((x) => x.text === 'Jens Stoltenberg')!;
      expect(m.paragraph).toBe(2);
      expect(seedInput().paragraphs[2].slice(m.offset, m.offset + m.text.length)).toBe('Jens Stoltenberg');
    });
  });

  it('canonicalises country aliases: "the U.S.", "UK", "Britain"', () => {
    const out = enricher.enrich(
      input('Trade between the U.S. and the UK grew last year, while Britain signed a deal with South Korea.'),
    );
    expect(names(out, 'place').sort()).toEqual(['South Korea', 'United Kingdom', 'United States']);
  });

  it('finds people it has no list for, from titles, first names and speech verbs', () => {
    const out = enricher.enrich(
      input(
        'Finance Minister Oluwaseun Adebayo-Okafor said the plan would work. Zbigniew Wachowiak, 54, disagreed. "It is wrong," Marisol Quintanilla told reporters.',
      ),
    );
    expect(names(out, 'person').sort()).toEqual([
      'Marisol Quintanilla',
      'Oluwaseun Adebayo-Okafor',
      'Zbigniew Wachowiak',
    ]);
  });

  it('does not take sentence-initial common words for names', () => {
    const out = enricher.enrich(
      input(
        'Officials said on Monday that prices rose. However, Police Chief Ana Costa said calm had returned. Meanwhile Shares fell.',
      ),
    );
    expect(names(out, 'person')).toEqual(['Ana Costa']);
    expect(out.entities.map((t) => t.name)).not.toEqual(
      expect.arrayContaining(['Officials', 'However', 'Meanwhile', 'Shares']),
    );
  });

  it('reads title-case and all-caps headlines for known names only', () => {
    const out = enricher.enrich(
      input('NATO chief Jens Stoltenberg said on Tuesday that the alliance would respond to attacks.', {
        headline: 'Nato Chief Stoltenberg Warns Russia Over Cyber Attacks',
      }),
    );
    expect(out.entities.map((t) => t.name).sort()).toEqual(['Jens Stoltenberg', 'NATO', 'Russia']);
    expect(out.entities.find((t) => t.name === 'Russia')!.rel).toBe('about');
    const caps = enricher.enrich(
      input('The talks will resume in Geneva next week, officials said.', {
        headline: 'UKRAINE AND RUSSIA TO MEET IN GENEVA',
      }),
    );
    expect(names(caps, 'place').sort()).toEqual(['Geneva', 'Russia', 'Ukraine']);
  });

  it('recognises organisations by their form and acronyms by their definition', () => {
    const out = enricher.enrich(
      input(
        'The Northern Lumber Cooperative Association (NLCA) said sales fell. Shares in Brightwater Holdings rose after the NLCA report.',
      ),
    );
    expect(names(out, 'organisation').sort()).toEqual([
      'Brightwater Holdings',
      'Northern Lumber Cooperative Association',
    ]);
  });

  it('keeps places, subjects and language working for French, German and Spanish copy', () => {
    const fr = enricher.enrich(
      input(
        "Le gouvernement a annoncé mercredi à Bruxelles de nouvelles sanctions contre la Russie, tandis que l'Allemagne et l'Espagne ont salué la décision de l'Union européenne.",
      ),
    );
    expect(fr.language).toBe('fr');
    expect(names(fr, 'place')).toEqual(expect.arrayContaining(['Brussels', 'Russia', 'Germany', 'Spain']));
    const de = enricher.enrich(
      input(
        'Der Stürmer erzielte am Samstag in München zwei Tore, und die Mannschaft gewann das Spiel in der Bundesliga gegen den Meister aus Dortmund.',
      ),
    );
    expect(de.language).toBe('de');
    expect(names(de, 'place')).toEqual(expect.arrayContaining(['Munich', 'Dortmund']));
    expect(de.subjects[0].uri).toMatch(/mediatopic\/(15000000|2\d{7})$/);
    expect(de.subjects.some((s) => s.uri.endsWith('/15000000'))).toBe(true);
    const es = enricher.enrich(
      input(
        'Las lluvias torrenciales provocaron inundaciones en Valencia y en el sur de Francia, y los servicios de emergencia evacuaron a miles de personas.',
      ),
    );
    expect(es.language).toBe('es');
    expect(names(es, 'place')).toEqual(expect.arrayContaining(['Valencia', 'France']));
  });

  it('says "und" for text too short or too mixed to tell', () => {
    expect(enricher.enrich(input('Hello there')).language).toBe('und');
    expect(
      enricher.enrich(
        input(
          'The minister said that les négociations continuent and the talks will go on, selon le porte-parole du gouvernement.',
        ),
      ).language,
    ).toBe('und');
  });

  it('keeps source subjects, maps old Subject Codes and adds broader topics', () => {
    const out = enricher.enrich(
      input('The central bank raised interest rates again to fight inflation, and markets fell.', {
        sourceSubjects: [{ code: 'medtop:20000371' }, { code: 'subj:15054000' }],
      }),
    );
    const source = out.subjects.filter((s) => s.creator === 'source');
    expect(source[0]).toMatchObject({
      uri: 'http://cv.iptc.org/newscodes/mediatopic/20000371',
      name: 'interest rate',
      relevance: 100,
    });
    expect(source.map((s) => s.uri)).toEqual(
      expect.arrayContaining(['http://cv.iptc.org/newscodes/mediatopic/04000000']),
    );
    expect(source.some((s) => s.uri.endsWith('/15000000'))).toBe(true);
    expect(out.subjects.some((s) => s.creator === 'machine')).toBe(true);
  });

  it('prefers the abstract for the summary and returns nothing for empty text', () => {
    const out = enricher.enrich(
      input('Body text that goes on about details of the case in court today.', {
        abstract: 'A short abstract sentence that says it all.',
      }),
    );
    expect(out.summary).toBe('A short abstract sentence that says it all.');
    const empty = enricher.enrich(input(''));
    expect(empty).toMatchObject({ entities: [], wordCount: 0, language: 'und' });
    expect(empty.summary).toBeUndefined();
  });

  it('gives an article the same enrichment whatever was enriched before it (state reused between articles)', () => {
    const seed = enricher.enrich(seedInput());
    const long = seedInput().paragraphs.join(' ').repeat(20);
    enricher.enrich(input(long, { language: 'de', headline: 'Bundeskanzler Olaf Scholz in Berlin' }));
    enricher.enrich(input('Short.'));
    expect(enricher.enrich(seedInput())).toEqual(seed);
    expect(createEnricher().enrich(seedInput())).toEqual(seed);
  });
});
