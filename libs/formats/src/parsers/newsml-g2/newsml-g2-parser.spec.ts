import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { newsmlG2Parser } from './newsml-g2-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/newsml-g2');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

function errorCode(name: string): string {
  try {
    newsmlG2Parser.parse(input(name));
  } catch (e) {
    return e instanceof WireError ? e.code : 'other';
  }
  return 'none';
}

describe('newsmlG2Parser on IPTC examples', () => {
  it('sniffs newsItem, packageItem and newsMessage', () => {
    for (const f of [
      'iptc/LISTING_1_A_NewsML-G2_News_Item.xml',
      'iptc/LISTING_6_Simple_NewsML-G2_Package.xml',
      'reuters-style-newsmessage.xml',
    ]) {
      expect(newsmlG2Parser.sniff(input(f))).toBeGreaterThan(0.9);
    }
    expect(newsmlG2Parser.sniff({ text: '<nitf/>', bytes: Buffer.from('<nitf/>') })).toBe(0);
  });

  it('LISTING 1: a news item with rights, embargo, signal, located, creator and Media Topics', () => {
    const [item] = newsmlG2Parser.parse(input('iptc/LISTING_1_A_NewsML-G2_News_Item.xml'));
    expect(item.sourceId).toBe('urn:newsml:acmenews.com:20161018:US-FINANCE-FED');
    expect(item.version).toBe(11);
    expect(item.language).toBe('en-GB');
    expect(item.headline).toBe('Fed to halt QE to avert "bubble"');
    expect(item.slugline).toBe('US-Finance-Fed');
    expect(item.located).toBe('Berlin');
    expect(item.byline).toBe('Meredith Jameson');
    expect(item.agency).toBe('REUTERS');
    expect(item.embargoedUntil).toBe('2018-10-23T12:00:00Z');
    expect(item.versionCreated).toBe('2018-10-21T16:25:32-05:00');
    expect(item.firstCreated).toBe('2016-10-18T13:12:21-05:00');
    expect(item.contentCreated).toBe('2016-10-18T11:12:00-05:00');
    expect(item.pubStatus).toBe('usable');
    expect(item.signals).toEqual(['update']);
    expect(item.copyrightHolder).toBe('Example Enews LLP');
    expect(item.copyrightNotice).toBe('Copyright 2017-18 Example Enews LLP, all rights reserved');
    expect(item.usageTerms).toBe('Not for use outside the United States');
    expect(item.edNote).toMatch(/^Note to editors: STRICTLY EMBARGOED/);
    expect(item.subjects).toEqual([
      {
        code: 'medtop:04000000',
        name: 'economy, business and finance',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000',
      },
      { code: 'medtop:20000523', name: 'labour market', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000523' },
    ]);
    expect(item.genres).toEqual(['Interview']);
    expect(item.links).toEqual([
      { rel: 'related', href: 'http://www.example.com/video/20081222-PNN-1517-407624/index.html' },
    ]);
  });

  it('LISTING 2: inline NITF gives the body; the creator gives the byline', () => {
    const [item] = newsmlG2Parser.parse(input('iptc/LISTING_2_NewsML-G2_Text_Document.xml'));
    expect(item.headline).toBe('Fed to halt QE to avert "bubble"');
    expect(item.byline).toBe('Meredith Jameson');
    expect(item.located).toBe('New York, NY');
    expect(item.agency).toBe('Associated Press');
    expect(item.body).toHaveLength(2);
    expect(item.body[0].text).toMatch(/^\(New York, NY - October 21\) Et, sent luptat luptat/);
    expect(item.body[1].text).toMatch(/esto cons dolutpat, si\.$/);
    expect(item.bodyXhtml).toMatch(/^<p>\(New York, NY/);
  });

  it('LISTING 22: sports story with NITF body, an agency-only dateline and altIds', () => {
    const [item] = newsmlG2Parser.parse(input('iptc/LISTING_22_Sports_story_in_NewsML-G2NITF.xml'));
    expect(item.headline).toBe('Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.');
    expect(item.located).toBe('Philadelphia');
    expect(item.byline).toBe('The Sports Network');
    expect(item.dateline).toBe('(Sports Network) -');
    expect(item.body).toHaveLength(6);
    expect(item.body[0].text).toMatch(/^A pair of teams coming off big weekend sweeps/);
    expect(item.abstract).toMatch(/^A pair of teams coming off big weekend sweeps will square off tonight/);
    expect(item.subjects.map((s) => s.code)).toContain('medtop:20000849');
    expect(item.subjects.find((s) => s.code === 'team:l.mlb.com-t.19')).toEqual({
      code: 'team:l.mlb.com-t.19',
      name: 'Philadelphia Phillies',
    });
    expect(item.altIds).toContainEqual({ role: 'tsn-id', value: 'sportsnetwork.com-5932656' });
  });

  it('LISTING 3: a picture item carries caption, credit, photographer and renditions', () => {
    const [item] = newsmlG2Parser.parse(input('iptc/LISTING_3_Photo_in_NewsML-G2.xml'));
    expect(item.type).toBe('picture');
    expect(item.headline).toBe('Variety Of Recessionary Forces Leave Las Vegas Economy Scarred');
    expect(item.byline).toBe('Spencer Platt');
    const [picture] = item.pictures;
    expect(picture.type).toBe('picture');
    expect(picture.caption).toMatch(/^A general view of part of downtown, including Las Vegas Boulevard/);
    expect(picture.caption).toMatch(/economic downturn\.$/);
    expect(picture.credit).toBe('Getty Images');
    expect(picture.by).toBe('Spencer Platt');
    expect(picture.renditions?.[0]).toEqual({
      href: './GYI0062134533.jpg',
      mimetype: 'image/jpeg',
      width: 1500,
      height: 1001,
    });
    expect(picture.renditions).toHaveLength(3);
    expect(item.keywords).toContain('poverty');
  });

  it('LISTING 6: a package lists its items and links each one', () => {
    const [item] = newsmlG2Parser.parse(input('iptc/LISTING_6_Simple_NewsML-G2_Package.xml'));
    expect(item.type).toBe('composite');
    expect(item.headline).toBe('UK');
    expect(item.packageItemIds).toEqual([
      'urn:newsml:iptc.org:20081007:tutorial-item-A',
      'urn:newsml:iptc.org:20081007:tutorial—item-B',
    ]);
    expect(item.links[0]).toEqual({
      rel: 'package-item',
      href: 'urn:newsml:iptc.org:20081007:tutorial-item-A',
      title: 'Obama annonce son équipe',
    });
    expect(item.signals).toEqual(['update']);
  });

  it('LISTING 24: a message whose items are placeholders gives the package alone', () => {
    const items = newsmlG2Parser.parse(input('iptc/LISTING_24_News_Message_conveying_a_complete_News_Package.xml'));
    expect(items).toHaveLength(1);
    expect(items[0].packageItemIds).toEqual(['N1', 'N2', 'N3', 'N4']);
  });

  it('refuses items without content and fragments with NO_CONTENT', () => {
    expect(errorCode('iptc/LISTING_29_Hop_History.xml')).toBe(ErrorCode.NO_CONTENT);
    expect(errorCode('iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml')).toBe(ErrorCode.NO_CONTENT);
  });
});

describe('newsmlG2Parser on agency-style items', () => {
  it('AFP style: versioned guid, correction signal, headline roles and language, XHTML body, inline catalog', () => {
    const [item] = newsmlG2Parser.parse(input('afp-style-newsitem-xhtml.xml'));
    expect(item.sourceId).toBe('urn:newsml:afp.com:20240130:TX-PAR-QWE45');
    expect(item.version).toBe(3);
    expect(item.signals).toEqual(['correction']);
    expect(item.links).toEqual([
      { rel: 'previous-version', href: 'urn:newsml:afp.com:20240130:TX-PAR-QWE45', title: 'version 2' },
    ]);
    expect(item.headline).toBe('US to let NATO use its cyber defence skills');
    expect(item.subheadline).toBe('Washington follows Britain and Denmark');
    expect(item.byline).toBe('Jane DOE, with Paul MARTIN in Washington');
    expect(item.dateline).toBe('BRUSSELS, Jan 30 (AFP)');
    expect(item.located).toBe('Brussels');
    expect(item.urgency).toBe(3);
    expect(item.abstract).toBe(
      'The United States will make its offensive cyber capabilities available to NATO, officials said.',
    );
    expect(item.subjects.map((s) => s.uri)).toEqual([
      'http://cv.iptc.org/newscodes/mediatopic/11000000',
      'http://cv.iptc.org/newscodes/mediatopic/20000621',
      'http://cv.iptc.org/newscodes/subjectcode/11002000',
      'http://cv.afp.com/descriptors/NATO',
    ]);
    expect(item.body).toHaveLength(4);
    expect(item.body[2].text).toBe(
      'Alliance chief Jens Stoltenberg said cyber attacks on NATO countries were becoming "more frequent… more sophisticated… more coercive".',
    );
    expect(item.body[3].text).toBe(
      'The Estonian minister, Hanno Pevkur, said the Baltic states came under near-daily cyber assault.',
    );
    expect(item.pictures).toEqual([
      {
        type: 'picture',
        uri: 'https://example.invalid/afp/photo/stoltenberg.jpg',
        caption: 'NATO Secretary General Jens Stoltenberg in Brussels on January 30, 2024.',
        credit: 'AFP / John THYS',
        by: 'John THYS',
        altText: 'Jens Stoltenberg',
        renditions: [{ href: 'https://example.invalid/afp/photo/stoltenberg.jpg' }],
      },
    ]);
  });

  it('Reuters style: a message with a package, a text item, a picture and a kill', () => {
    const items = newsmlG2Parser.parse(input('reuters-style-newsmessage.xml'));
    expect(items.map((i) => i.type)).toEqual(['composite', 'text', 'picture', 'text']);
    const [pkg, story, picture, kill] = items;
    expect(pkg.packageItemIds).toEqual([story.sourceId, picture.sourceId]);
    expect(story.links).toContainEqual({ rel: 'package', href: pkg.sourceId });
    expect(picture.links).toContainEqual({ rel: 'package', href: pkg.sourceId });

    expect(story.headline).toBe('UPDATE 1-UK factory output falls for fourth month as orders dry up');
    expect(story.byline).toBe('William Schomberg');
    expect(story.dateline).toBe('LONDON, Jan 30 (Reuters) -');
    expect(story.located).toBe('London');
    expect(story.body[0].text).toMatch(/^British factory output fell for a fourth month in a row/);
    expect(story.body[1].text).toBe(
      'The S&P Global/CIPS UK Manufacturing Purchasing Managers’ Index rose to 47.0 from 46.2 in December.',
    );
    expect(story.version).toBe(2);
    expect(story.signals).toEqual(['update']);
    expect(story.subjects.find((s) => s.code === 'N2:GB')).toEqual({ code: 'N2:GB' });

    expect(picture.pictures[0]).toMatchObject({
      caption: 'Workers assemble cars at a plant in Sunderland, Britain, January 29, 2024.',
      credit: 'REUTERS',
      by: 'Phil Noble',
    });
    expect(picture.pictures[0].renditions).toHaveLength(2);

    expect(kill.pubStatus).toBe('canceled');
    expect(kill.signals).toEqual(['kill']);
    expect(kill.sourceId).toBe('tag:reuters.com,2024:newsml_L1N3EW99Z');
  });

  it('dpa style: a base64 text/plain body, an embargo and a dateline lifted from the text', () => {
    const [item] = newsmlG2Parser.parse(input('dpa-style-inlinedata.xml'));
    expect(item.language).toBe('de');
    expect(item.embargoedUntil).toBe('2024-01-30T18:00:00+01:00');
    expect(item.subheadline).toBe('Bundesagentur meldet 2,9 Millionen Arbeitslose');
    expect(item.dateline).toBe('Nürnberg (dpa) -');
    expect(item.located).toBe('Nürnberg');
    expect(item.body.map((b) => b.text)).toEqual([
      'Die Zahl der Arbeitslosen in Deutschland ist im Januar saisonüblich gestiegen.',
      'Die Bundesagentur für Arbeit zählte 2,9 Millionen Menschen ohne Job.',
    ]);
  });

  describe('dpa style: header block at the top of the XHTML body', () => {
    const [item] = newsmlG2Parser.parse(input('dpa-style-header-block.xml'));

    it('keeps the header block (time, keywords, headline again, kicker) out of the body', () => {
      expect(item.body.map((b) => b.text)).toEqual([
        'Die Brücke über die Förde wird ab Mai erneuert.',
        'Die Arbeiten dauern zwei Jahre.',
      ]);
      expect(item.keywords).toEqual(expect.arrayContaining(['Verkehr', 'Brücken']));
      expect(item.located).toBe('Kiel');
    });

    it('never takes an editor user id for the byline', () => {
      expect(item.byline).toBeUndefined();
    });

    it('keeps text not for publication in the editor note only', () => {
      expect(item.edNote).toContain('Max Beispiel');
      expect(JSON.stringify(item.body)).not.toContain('+49');
      expect(item.abstract).toBeUndefined();
    });
  });

  describe('STT style archive copy: local times, no item dates, no headline, pseudo-markup', () => {
    const [item] = newsmlG2Parser.parse(input('stt-style-local-times.xml'));

    it('dates the story by its content dates in Helsinki time, never now', () => {
      expect(item.firstCreated).toBe('2013-02-16T17:36:20+02:00');
      expect(item.versionCreated).toBe('2013-02-22T18:36:20+02:00');
    });

    it('derives the headline from the lead and reads <endash> as a dash', () => {
      expect(item.body[0].text).toBe('Kaupunki rakentaa 800\u20131 000 uutta asuntoa ensi vuonna.');
      expect(item.headline).toBe(item.body[0].text);
      expect(item.edNote).toMatch(/Headline taken from the first paragraph/);
    });
  });

  it('takes the language from an explicit <language> element over xml:lang, else from a headline', () => {
    const withBoth =
      '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1" xml:lang="en">' +
      '<contentMeta><language tag="de"/><headline>Neue Brücke</headline></contentMeta></newsItem>';
    expect(newsmlG2Parser.parse({ text: withBoth, bytes: Buffer.from(withBoth) })[0].language).toBe('de');
    const headlineOnly =
      '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:2" version="1">' +
      '<contentMeta><headline xml:lang="en-US">A new bridge</headline></contentMeta></newsItem>';
    expect(newsmlG2Parser.parse({ text: headlineOnly, bytes: Buffer.from(headlineOnly) })[0].language).toBe('en-US');
  });
});
