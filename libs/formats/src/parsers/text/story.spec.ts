import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextStory } from './story';

const FIXTURES = join(__dirname, '../../../../../test/fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const bodyText = (item: ReturnType<typeof parseTextStory>) => item.body.map((b) => b.text);

describe('parseTextStory on the seed (AFP copy scraped from a news site)', () => {
  const item = parseTextStory(read('seed/afp-us-nato-cyber.txt'));

  it('finds the headline above the caption and dateline', () => {
    expect(item.headline).toBe('US to let NATO use its cyber defence skills');
  });

  it('reads the dateline with its non-breaking spaces: located in title case, agency AFP', () => {
    expect(item.located).toBe('Brussels');
    expect(item.agency).toBe('AFP');
    expect(item.dateline).toBe('BRUSSELS (AFP) -');
  });

  it('keeps exactly the eight story paragraphs and nothing of the page around them', () => {
    const body = bodyText(item);
    expect(body).toHaveLength(8);
    expect(body[0]).toMatch(/^The United States is expected to make its offensive cyber warfare capabilities/);
    expect(body[7]).toBe("The name change is crucial to Macedonia's hopes of joining NATO -- a step Moscow opposes.");
    const all = body.join('\n');
    for (const furniture of ["Don't miss", 'Replay', 'LATEST SHOWS', 'Read more', 'EYE ON AFRICA', '©', 'AFP/File']) {
      expect(all).not.toContain(furniture);
    }
    expect(all).not.toMatch(/[\u00a0\u202f]/);
  });

  it('takes the caption out of the body into one picture with its credit', () => {
    expect(item.pictures).toHaveLength(1);
    expect(item.pictures[0].caption).toMatch(
      /^Britain and Denmark have already publicly committed cyber security resources/,
    );
    expect(item.pictures[0].credit).toBe('AFP/File');
  });

  it('reads the copyright line', () => {
    expect(item.copyrightNotice).toBe('© 2018 AFP');
    expect(item.copyrightHolder).toBe('AFP');
  });
});

describe('parseTextStory on other agencies', () => {
  it('Reuters page: byline, inline dateline kept in the first paragraph, footer and lists dropped', () => {
    const item = parseTextStory(read('text/reuters-markets-scraped.txt'));
    expect(item.headline).toBe('Oil slips as stockpiles swell; stocks hover near record highs');
    expect(item.byline).toBe('Hannah Whitfield');
    expect(item).toMatchObject({ located: 'London', agency: 'Reuters', dateline: 'LONDON, Jan 30 (Reuters) -' });
    const body = bodyText(item);
    expect(body).toHaveLength(6);
    expect(body[0]).toMatch(/^LONDON, Jan 30 \(Reuters\) - Oil prices fell/);
    expect(body.join('\n')).not.toMatch(/Reporting by|Our Standards|More From Reuters|Gold steadies|Min Read/);
  });

  it('AP page: capitals byline, photo credit, advertisement slot, copyright, comments left out', () => {
    const item = parseTextStory(read('text/ap-storm-scraped.txt'));
    expect(item.headline).toBe('Storm knocks out power to thousands across New England');
    expect(item.byline).toBe('Maria Gonzalez');
    expect(item).toMatchObject({ located: 'New York', agency: 'AP' });
    expect(item.pictures).toEqual([
      {
        type: 'picture',
        caption: 'Utility crews work to restore power lines in Concord, N.H., on Wednesday, Nov. 20, 2019.',
        credit: 'AP Photo/Daniel Pierce',
        by: 'Daniel Pierce',
      },
    ]);
    expect(item.copyrightHolder).toBe('The Associated Press');
    const body = bodyText(item);
    expect(body).toHaveLength(5);
    expect(body.join('\n')).not.toMatch(/Advertisement|cookies|says:|Stay safe|Early snow/);
  });

  it('EFE in Spanish: the ".-" separator and a lower-case month', () => {
    const item = parseTextStory(read('text/efe-honduras-es.txt'));
    expect(item).toMatchObject({ located: 'Tegucigalpa', agency: 'EFE', dateline: 'Tegucigalpa, 2 ene (EFE).-' });
    expect(item.headline).toBe('Honduras decreta alerta verde por lluvias en el norte del país');
    expect(item.copyrightHolder).toBe('Agencia EFE');
    expect(bodyText(item)).toHaveLength(4);
  });

  it('dpa in German: "Von …, dpa" byline over share buttons and a timestamp', () => {
    const item = parseTextStory(read('text/dpa-berlin-de.txt'));
    expect(item).toMatchObject({ located: 'Berlin', agency: 'dpa', byline: 'Anna Weber' });
    expect(item.headline).toBe('Regierung plant mehr Geld für Schienennetz');
    expect(item.copyrightHolder).toBe('dpa-infocom');
    expect(bodyText(item).join('\n')).not.toMatch(/Anzeige|Mehr zum Thema|Teilen/);
  });

  it('AFP in French: credit-first caption and a dateline with non-breaking spaces', () => {
    const item = parseTextStory(read('text/afp-paris-fr.txt'));
    expect(item).toMatchObject({ located: 'Paris', agency: 'AFP', copyrightNotice: '© 2019 AFP' });
    expect(item.pictures[0]).toMatchObject({ credit: 'AFP/Archives' });
    expect(item.pictures[0].caption).toMatch(/^Le périphérique parisien/);
    expect(bodyText(item)).toHaveLength(4);
    expect(bodyText(item).join('\n')).not.toMatch(/Lire aussi|Partager|©/);
  });

  it('hard-wrapped mail copy: wrapped lines joined into paragraphs', () => {
    const item = parseTextStory(read('text/plain-wire-wrapped.txt'));
    expect(item.headline).toBe('Fishing fleet returns early as Atlantic storm closes in');
    expect(item).toMatchObject({ byline: 'Jane Roe', located: 'Halifax, Nova Scotia', agency: 'CP' });
    const body = bodyText(item);
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/^HALIFAX, Nova Scotia \(CP\) -- Dozens of fishing boats returned to ports along/);
    expect(body[0]).toMatch(/approached the province with winds forecast to reach 110 kilometres an hour\.$/);
  });

  it("raw desk copy: editor's note, two bylines, paragraphs on consecutive lines, desk signature dropped", () => {
    const item = parseTextStory(read('text/reuters-raw-ednote.txt'));
    expect(item).toMatchObject({
      headline: 'Parliament rejects budget in late-night vote',
      byline: 'Jane Doe and John Roe',
      edNote: 'Adds quotes from minister, details on vote.',
      located: 'Athens',
      agency: 'Reuters',
    });
    expect(bodyText(item)).toEqual([
      "ATHENS, March 4 (Reuters) - Greek lawmakers rejected the government's budget in a late-night vote on Monday, dealing a blow to the prime minister's plans.",
      'The bill fell six votes short of a majority after two members of the ruling party voted against it.',
      '"This is a dark day," the finance minister told reporters.',
      'The government has until Friday to present a new plan.',
    ]);
  });

  it('a flash with no paragraph of prose still gives a headline and a body', () => {
    const item = parseTextStory('URGENT\n\nQuake of magnitude 6.1 strikes off Japan coast: USGS');
    expect(item.headline).toBe('URGENT');
    expect(bodyText(item)).toEqual(['Quake of magnitude 6.1 strikes off Japan coast: USGS']);
  });
});
