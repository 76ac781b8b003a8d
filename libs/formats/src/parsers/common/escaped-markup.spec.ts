import { parseXml } from '../../xml/safe-xml';
import { xmlToBlocks } from './blocks';
import { emptyItem } from '../../model/wire-item';
import { repairEscapedMarkup, repairLine } from './escaped-markup';
import { finalizeItem } from './finalize';
import { headlineFromLead, liftSignOff, liftStarredNotices } from './notices';

const p = (text: string) => ({ kind: 'p' as const, text });

describe('escaped markup in the text', () => {
  it('reads pseudo-elements as the characters they stand for (STT <endash>)', () => {
    expect(repairLine('vuosittain 800<endash>-</endash>1 000 eläintä')).toBe('vuosittain 800\u20131 000 eläintä');
  });

  it('splits a paragraph holding escaped paragraphs, and keeps prose with angle brackets', () => {
    const { blocks } = repairEscapedMarkup([p('First part.<p/> <p>Second part.</p>'), p('if a <b and c> d')]);
    expect(blocks.map((b) => b.text)).toEqual(['First part.', 'Second part.', 'if a <b and c> d']);
  });

  it('undoes a second escape and UTF-8 read as Windows-1252', () => {
    expect(repairLine('Alko&#39;s &quot;monopoly&quot; costs \u00c2\u00a34')).toBe('Alko\'s "monopoly" costs £4');
  });

  it('leaves out a paragraph that is only embed code, and the item says so', () => {
    const item = emptyItem('nitf');
    item.headline = 'A fact check';
    item.body = [
      p('The claim is false.'),
      p('<div class="embed" data-id="x"></div><script async src="https://e.invalid/x.js"></script>'),
    ];
    finalizeItem(item, { xhtml: true });
    expect(item.body.map((b) => b.text)).toEqual(['The claim is false.']);
    expect(item.edNote).toMatch(/Left out 1 paragraph that held only markup/);
  });
});

describe('notices and sign-offs', () => {
  it('drops a closing sign-off paragraph or suffix', () => {
    const a = emptyItem('nitf');
    a.body = [p('Det oplyser politiet.'), p('/ritzau/')];
    liftSignOff(a);
    expect(a.body.map((b) => b.text)).toEqual(['Det oplyser politiet.']);
    const b = emptyItem('nitf');
    b.body = [p('Operators said timetables would return to normal. ==Kyodo')];
    liftSignOff(b);
    expect(b.body[0].text).toBe('Operators said timetables would return to normal.');
  });

  it("moves *** notices *** to the editor note and lets detection decide a translation's language", () => {
    const item = emptyItem('newsml-g2');
    item.language = 'fi-FI';
    item.headline = 'Ministers agree on the budget*** TRANSLATED ***';
    item.body = [p('*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***'), p('The budget passed.')];
    liftStarredNotices(item);
    expect(item.headline).toBe('Ministers agree on the budget');
    expect(item.body.map((b) => b.text)).toEqual(['The budget passed.']);
    expect(item.edNote).toBe('TRANSLATED DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH');
    expect(item.language).toBeUndefined();
  });

  it('gives a story without headline the first sentence of its lead, shortened at a word', () => {
    const item = emptyItem('newsml-g2');
    item.body = [p('Parliament approved the alcohol act on Tuesday. The vote was close.')];
    headlineFromLead(item);
    expect(item.headline).toBe('Parliament approved the alcohol act on Tuesday.');
    const long = emptyItem('newsml-g2');
    long.body = [p(`${'word '.repeat(40)}end`)];
    headlineFromLead(long);
    expect(long.headline?.length).toBeLessThanOrEqual(121);
    expect(long.headline?.endsWith('…')).toBe(true);
  });
});

describe('loose text in a body', () => {
  it('keeps a results list sent without markup row for row, and prose as one paragraph', () => {
    const body = parseXml(
      '<body>Mar 3 (DATA) - Results on Wednesday\n Harbour FC (0) 1 River United (2) 2\n' +
        ' Lake City (1) 3 Hill Town (0) 0\n Thursday fixtures (GMT) Port v Bay (1815/1815)\n</body>',
    );
    expect(xmlToBlocks(body)).toEqual([
      {
        kind: 'pre',
        text: 'Mar 3 (DATA) - Results on Wednesday\nHarbour FC (0) 1 River United (2) 2\nLake City (1) 3 Hill Town (0) 0\nThursday fixtures (GMT) Port v Bay (1815/1815)',
      },
    ]);
    const prose = parseXml('<body>The council met on Tuesday\nand approved the plan\nafter a long debate.</body>');
    expect(xmlToBlocks(prose)).toEqual([
      { kind: 'p', text: 'The council met on Tuesday and approved the plan after a long debate.' },
    ]);
  });
});
