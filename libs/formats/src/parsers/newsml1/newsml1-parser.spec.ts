import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { newsml1Parser } from './newsml1-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/newsml1');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

describe('newsml1Parser', () => {
  it('sniffs a NewsML root and leaves NewsML-G2 alone', () => {
    expect(newsml1Parser.sniff(input('afp-style-newsml12.xml'))).toBeGreaterThan(0.9);
    const g2 = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>';
    expect(newsml1Parser.sniff({ text: g2, bytes: Buffer.from(g2) })).toBe(0);
  });

  describe('AFP style: NITF body, photo component with caption and renditions', () => {
    const [item] = newsml1Parser.parse(input('afp-style-newsml12.xml'));

    it('reads identity and revision from NewsIdentifier', () => {
      expect(item.sourceId).toBe('urn:newsml:afp.com:20240130:TX-PAR-FRA27');
      expect(item.version).toBe(2);
      expect(item.altIds).toEqual([{ role: 'PublicIdentifier', value: 'urn:newsml:afp.com:20240130:TX-PAR-FRA27:2' }]);
      expect(item.links).toEqual([
        { rel: 'previous-version', href: 'urn:newsml:afp.com:20240130:TX-PAR-FRA27', title: 'version 1' },
      ]);
      expect(item.firstCreated).toBe('2024-01-30T10:15:00Z');
      expect(item.versionCreated).toBe('2024-01-30T11:45:00Z');
      expect(item.pubStatus).toBe('usable');
      expect(item.urgency).toBe(3);
      expect(item.signals).toEqual(['update']);
    });

    it('reads the NewsLines and descriptive metadata', () => {
      expect(item.headline).toBe('Le Premier ministre présente son gouvernement resserré');
      expect(item.subheadline).toBe('Quatorze ministres de plein exercice, dont sept femmes');
      expect(item.byline).toBe('Jean DUPONT');
      expect(item.dateline).toBe('PARIS, 30 jan 2024 (AFP)');
      expect(item.located).toBe('Paris');
      expect(item.agency).toBe('AFP');
      expect(item.slugline).toBe('France-politique-gouvernement');
      expect(item.copyrightNotice).toBe('© 2024 AFP');
      expect(item.copyrightHolder).toBe('AFP');
      expect(item.language).toBe('fr');
      expect(item.keywords).toEqual(['France', 'gouvernement', 'politique']);
      expect(item.subjects.map((s) => s.code)).toEqual(['subj:11000000', 'subj:11003000']);
      expect(item.genres).toEqual(['Current']);
      expect(item.declaredWordCount).toBe(250);
    });

    it('takes the body from the NITF DataContent, without its dateline, NBSPs as spaces', () => {
      expect(item.body.map((b) => b.text)).toEqual([
        "Le Premier ministre a présenté mardi un gouvernement resserré de quatorze ministres de plein exercice, promettant « l'efficacité » et « l'action ».",
        "Sept femmes figurent parmi les ministres, a précisé l'Elysée dans un communiqué.",
        'Le premier Conseil des ministres se tiendra jeudi.',
      ]);
    });

    it('turns the photo component into a picture with caption, credit, photographer and renditions', () => {
      expect(item.pictures).toHaveLength(1);
      expect(item.pictures[0]).toEqual({
        type: 'picture',
        uri: 'https://example.invalid/afp/photo/par-gouv-hd.jpg',
        name: "Le nouveau gouvernement sur le perron de l'Elysée",
        caption: "Les membres du nouveau gouvernement posent sur le perron de l'Elysée, à Paris, le 30 janvier 2024.",
        credit: 'AFP',
        by: 'Ludovic MARIN',
        copyrightNotice: '© 2024 AFP',
        renditions: [
          {
            href: 'https://example.invalid/afp/photo/par-gouv-hd.jpg',
            mimetype: 'image/jpeg',
            width: 3500,
            height: 2333,
          },
          {
            href: 'https://example.invalid/afp/photo/par-gouv-thumb.jpg',
            mimetype: 'image/jpeg',
            width: 160,
            height: 107,
          },
        ],
      });
    });
  });

  it('ANA style: HTML in CDATA, TopicSet names, city property, closing copyright line lifted', () => {
    const [item] = newsml1Parser.parse(input('ana-style-html-cdata.xml'));
    expect(item.headline).toBe('Unemployment falls to 9.4 pct in December');
    expect(item.language).toBe('en');
    expect(item.located).toBe('Athens');
    expect(item.agency).toBe('AMNA');
    expect(item.body.map((b) => b.text)).toEqual([
      "Greece's jobless rate fell to 9.4 pct in December from 9.6 pct in November, the Hellenic Statistical Authority (ELSTAT) said on Tuesday.",
      'The number of unemployed stood at 447,410, ELSTAT said.',
    ]);
    expect(item.copyrightNotice).toBe('© 2024 ATHENS-MACEDONIAN NEWS AGENCY');
    expect(item.subjects).toEqual([
      {
        code: 'subj:09003000',
        uri: 'http://cv.iptc.org/newscodes/subjectcode/09003000',
        name: 'Employment/Unemployment',
      },
    ]);
    expect(item.versionCreated).toBe('2024-01-30T17:58:59+02:00');
  });

  it('two NewsItems: a plain-text story with byline and dateline in the text, and a kill', () => {
    const items = newsml1Parser.parse(input('two-items-with-kill.xml'));
    expect(items).toHaveLength(2);
    const [story, kill] = items;
    expect(story.byline).toBe('Marie Lambert');
    expect(story.dateline).toBe('BRUSSELS (Belga) -');
    expect(story.located).toBe('Brussels');
    expect(story.agency).toBe('Belga');
    expect(story.body.map((b) => b.text)).toEqual([
      'Hundreds of farmers blocked the main roads into Brussels on Tuesday for a second day, demanding lower fuel taxes.',
      'Police said traffic jams stretched over 40 kilometres.',
    ]);
    expect(kill.pubStatus).toBe('canceled');
    expect(kill.signals).toEqual(['kill']);
    expect(kill.sourceId).toBe('urn:newsml:belga.be:20240130:BLG-0433');
    expect(kill.version).toBe(2);
    expect(kill.agency).toBe('belga.be');
  });

  it('refuses a NewsML document without items', () => {
    const empty = '<NewsML Version="1.2"><NewsEnvelope/></NewsML>';
    expect(() => newsml1Parser.parse({ text: empty, bytes: Buffer.from(empty) })).toThrow(
      expect.objectContaining({ code: ErrorCode.NO_CONTENT }) as WireError,
    );
  });

  describe('Belga style: two versions in one item, each with Title, Lead and Body components', () => {
    const items = newsml1Parser.parse(input('belga-style-two-versions.xml'));

    it('gives one story per version, each with its own identity and language', () => {
      expect(items).toHaveLength(2);
      expect(items.map((i) => i.sourceId)).toEqual([
        'urn:newsml:belga.example:20240312T101500:40001:40002',
        'urn:newsml:belga.example:20240312T101500:40001:40006',
      ]);
      expect(items.map((i) => i.language)).toEqual(['nl', 'fr']);
      expect(items[1].headline).toBe('Radiowatch mardi - Radio Een - 10 heures');
    });

    it('takes the Body component as the body, never the Title component, and reads escaped markup', () => {
      expect(items[0].body.map((b) => b.text)).toEqual([
        'De burgemeester van Gent opende dinsdag de nieuwe fietsbrug. De brug verbindt twee wijken over de Leie.',
      ]);
      expect(items[1].body[0].text).toMatch(/^- nouvelle passerelle cyclable/);
    });
  });

  describe('Kyodo style: parameter entities in the DOCTYPE, Language element beside xml:lang', () => {
    const [item] = newsml1Parser.parse(input('kyodo-style-doctype.xml'));

    it('reads the document instead of refusing its DOCTYPE', () => {
      expect(item.headline).toBe('Harbour ferry resumes service after typhoon');
      expect(item.body[0].text).toMatch(/^The harbour ferry resumed service/);
    });

    it('takes the language from the explicit Language element over xml:lang', () => {
      expect(item.language).toBe('en');
    });

    it('places the story where its dateline says, and keeps the advisory line as a note', () => {
      expect(item.located).toBe('Osaka');
      expect(item.edNote).toBe("UPDATES with operator's statement");
    });
  });
});
