import { createEnricher } from '../enricher';
import type { Enricher, Enrichment } from '../enrichment';
import { tokenize } from '../text/tokenizer';
import { Cue, cueAt, isSportContext } from './context-cues';

/** The mention is the first occurrence of `name` in the text. */
function cueOf(text: string, name: string, sport: boolean): Cue {
  const doc = tokenize(undefined, [text]);
  const words = name.toLowerCase().split(' ');
  const from = doc.tokens.findIndex((t, i) => words.every((w, k) => doc.tokens[i + k]?.lower === w));
  return cueAt(doc, from, from + words.length, sport);
}

describe('isSportContext', () => {
  it.each([
    ['Liverpool beat Arsenal 2-1 on Sunday. The striker scored twice and the coach praised the league leaders.', true],
    ['Lakers 102-99 Celtics. Bulls 88-90 Knicks. Heat 101-97 Nets. Suns 110-104 Jazz.', true],
    ['The council in Liverpool approved a new budget on Monday after a long debate.', false],
    ['Inflation rose to 2.1 percent in 2023-24, the statistics office said.', false],
  ])('%s → %s', (text, expected) => {
    expect(isSportContext(tokenize(undefined, [text]))).toBe(expected);
  });
});

describe('cueAt', () => {
  it.each([
    ['Liverpool beat Arsenal 2-1 at Anfield.', 'Liverpool', true, Cue.team],
    ['Liverpool beat Arsenal 2-1 at Anfield.', 'Arsenal', true, Cue.team],
    ["Bayern Munich's coach said the team was tired.", 'Bayern Munich', true, Cue.team],
    ['The Madrid striker limped off.', 'Madrid', true, Cue.team],
    ['Everton drew with Leeds on Saturday.', 'Leeds', true, Cue.team],
    ['Liverpool 2 Arsenal 1', 'Liverpool', true, Cue.team],
    ['The match was played in Liverpool on Sunday.', 'Liverpool', true, Cue.location],
    ['Liverpool beat Arsenal 2-1 at Anfield.', 'Liverpool', false, Cue.none],
    ['Shares of Acme rose 3 percent.', 'Acme', false, Cue.company],
    ['Brightwater shares fell after the warning.', 'Brightwater', false, Cue.company],
    ['Acme Inc said profits would fall.', 'Acme', false, Cue.company],
    ['Acme (NYSE: ACM) rose.', 'Acme', false, Cue.company],
    ["Acme's quarterly profit doubled.", 'Acme', false, Cue.company],
    ['She is chief executive of Orbis.', 'Orbis', false, Cue.company],
    ['Rain fell in Paris.', 'Paris', false, Cue.location],
    ['Leeds were quiet.', 'Leeds', true, Cue.none],
    ['A Leeds', 'Leeds', true, Cue.none],
  ])('%s: %s (sport %s) → %s', (text, name, sport, expected) => {
    expect(cueOf(text, name, sport)).toBe(expected);
  });
});

describe('sport and business context, end to end', () => {
  let enricher: Enricher;
  beforeAll(() => {
    enricher = createEnricher();
  }, 30_000);
  const kindOf = (e: Enrichment, name: string): string | undefined => e.entities.find((t) => t.name === name)?.kind;
  const enrich = (paragraphs: string[], language = 'en'): Enrichment =>
    enricher.enrich({ paragraphs, captions: [], sourceSubjects: [], language });

  it.each([
    [
      [
        'Liverpool beat Arsenal 2-1 on Sunday to go three points clear at the top of the league.',
        'The Liverpool coach said his striker had been outstanding all season.',
        'Arsenal fans left early after the second goal.',
      ],
      [
        ['Liverpool', 'organisation'],
        ['Arsenal', 'organisation'],
      ],
    ],
    [
      [
        'Shares of Brightwater rose 4 percent on Tuesday after the company raised its forecast.',
        'Brightwater said in a statement that sales had grown in every region.',
      ],
      [['Brightwater', 'organisation']],
    ],
    [['Rain and wind closed roads in Liverpool on Sunday, the council said.'], [['Liverpool', 'place']]],
  ])('%j', (paragraphs, expected) => {
    const e = enrich(paragraphs);
    for (const [name, kind] of expected) expect([name, kindOf(e, name)]).toEqual([name, kind]);
  });

  it('leaves German common nouns alone in a business story', () => {
    const e = enrich(
      ['Die Aktien der Siemens AG stiegen am Dienstag, der Verdacht auf Betrug hatte sich nicht bestätigt.'],
      'de',
    );
    const names = e.entities.map((t) => t.name);
    expect(names).not.toContain('Aktien');
    expect(names).not.toContain('Verdacht');
  });
});
