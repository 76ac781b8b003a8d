import { createEnricher } from '../enricher';
import type { EnrichInput, SubjectTag } from '../enrichment';

const input = (headline: string, text: string, extra: Partial<EnrichInput> = {}): EnrichInput => ({
  headline,
  paragraphs: [text],
  captions: [],
  sourceSubjects: [],
  ...extra,
});
const code = (s: SubjectTag): string => s.uri.replace(/.*\//, '');
const machineTop = (subjects: SubjectTag[]): string | undefined =>
  subjects
    .filter((s) => s.creator === 'machine')
    .map(code)
    .find((c) => /^\d\d000000$/.test(c));

describe('SubjectClassifier (with the shipped model)', () => {
  const enricher = createEnricher();
  const alwaysAnswers = createEnricher({ subjectThreshold: 0 });
  const neverAnswers = createEnricher({ subjectThreshold: 1.01 });

  it.each<[string, string, string, string]>([
    [
      'en: a football report',
      'Arsenal go three points clear',
      'Arsenal beat Blackburn 2-0 at Highbury on Saturday, with Thierry Henry scoring twice in the first half to move the club three points clear at the top of the Premiership.',
      '15000000',
    ],
    [
      'en: an NBA results table',
      'NBA results',
      'Denver 121 Phoenix 114; Milwaukee 99 Chicago 95; Golden State 130 Sacramento 127 (OT); Dallas 102 Houston 88. Nuggets forward scored 34 points and grabbed 12 rebounds.',
      '15000000',
    ],
    [
      'en: a market report',
      'Shares close higher',
      'Shares in London closed higher on Tuesday, with the FTSE 100 up 1.1 percent as banks rallied, while the pound slipped against the dollar and oil prices fell.',
      '04000000',
    ],
    [
      'de: Bundesliga',
      'Bayern gewinnt in Dortmund',
      'Der FC Bayern hat das Spitzenspiel der Bundesliga bei Borussia Dortmund mit 3:1 gewonnen. Die Tore für die Münchner erzielten Kane und Musiala, der Trainer lobte die Mannschaft.',
      '15000000',
    ],
    [
      'fr: an election',
      'Présidentielle : le second tour aura lieu dimanche',
      'Les électeurs sont appelés aux urnes dimanche pour le second tour de l’élection présidentielle. Les deux candidats ont tenu leurs derniers meetings de campagne vendredi soir.',
      '11000000',
    ],
    [
      'es: a wildfire',
      'Un incendio obliga a desalojar a 2.000 vecinos',
      'Un incendio forestal declarado el martes ha arrasado 4.000 hectáreas y obligado a desalojar a unos 2.000 vecinos. Los bomberos trabajan con medios aéreos para controlar las llamas.',
      '03000000',
    ],
  ])('%s', (_, headline, text, expected) => {
    const subjects = enricher.enrich(input(headline, text)).subjects;
    expect(machineTop(subjects)).toBe(expected);
    // the most specific topic first, its broader chain after it, ending at the top level
    const machine = subjects.filter((s) => s.creator === 'machine');
    expect(machine[0].broader).toBeUndefined();
    expect(code(machine[machine.length - 1])).toBe(expected);
    for (const s of machine.slice(1)) expect(s.broader).toBe(true);
    for (const s of machine) expect(s.confidence).toBeGreaterThan(0);
  });

  it('says nothing when the text is too short to tell, or the model is unsure', () => {
    expect(enricher.enrich(input('', 'Hello there.')).subjects).toEqual([]);
    const text = input('Weekly round-up', 'Here is what happened this week and what to look out for next week.');
    expect(neverAnswers.enrich(text).subjects).toEqual([]);
    expect(machineTop(alwaysAnswers.enrich(text).subjects)).toMatch(/^\d\d000000$/);
  });

  it('never contradicts a source code: the machine chooses within the branches the source gave', () => {
    const market = input(
      'Shares close higher',
      'Shares in London closed higher on Tuesday, with the FTSE 100 up 1.1 percent as banks rallied.',
      { sourceSubjects: [{ code: 'medtop:15000000' }] },
    );
    const subjects = enricher.enrich(market).subjects;
    expect(subjects[0]).toMatchObject({ creator: 'source', name: 'sport' });
    const machine = subjects.filter((s) => s.creator === 'machine').map(code);
    for (const c of machine) expect(c === '15000000' || c.startsWith('2')).toBe(true);
    expect(machine).not.toContain('04000000');
  });
});
