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
