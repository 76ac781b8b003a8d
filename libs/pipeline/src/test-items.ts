import { emptyItem, type WireItem } from '@wiredesk/formats';

/**
 * Story items as the parsers hand them over, for the pipeline's specs. seedItem() is what the text parser must
 * find in test/fixtures/seed/afp-us-nato-cyber.txt (issue 2, item 5), written out by hand from that file.
 */
export const SEED_PARAGRAPHS = [
  'The United States is expected to make its offensive cyber warfare capabilities available to NATO, officials said Wednesday, as the alliance seeks to strengthen its defences against Russian electronic attacks.',
  'Britain and Denmark have already publicly committed cyber resources to NATO, and Washington is expected to announce that it will follow suit on Thursday at a meeting of defence ministers in Brussels.',
  'Alliance chief Jens Stoltenberg said cyber attacks on NATO countries were becoming "more frequent... more sophisticated... more coercive" and any contribution of cyber capabilities was welcome.',
  '"We see cyber being used to meddle in domestic political processes, attacks against critical infrastructure, and cyber will be an integral part of any future military conflict," Stoltenberg said.',
  'The three Baltic states -- Lithuania, Latvia and Estonia -- say they come under near-daily cyber assault, with government departments, banking systems and the power grid coming in for attack, and point the finger at former Soviet ruler Russia.',
  'Moscow is also blamed for interfering in various European elections through campaigns of disinformation on social media.',
  "Most recently, Washington accused Russia of leading a disinformation campaign in Macedonia through social media to discourage voters from taking part in last weekend's referendum on changing the country's name.",
  "The name change is crucial to Macedonia's hopes of joining NATO -- a step Moscow opposes.",
];

export function seedItem(): WireItem {
  return {
    ...emptyItem('text'),
    headline: 'US to let NATO use its cyber defence skills',
    dateline: 'BRUSSELS (AFP) -',
    located: 'Brussels',
    agency: 'AFP',
    body: SEED_PARAGRAPHS.map((text) => ({ kind: 'p' as const, text })),
    pictures: [
      {
        caption:
          'Britain and Denmark have already publicly committed cyber security resources to NATO, and Washington is expected to announce that it will follow suit',
        credit: 'AFP/File',
      },
    ],
    copyrightHolder: 'AFP',
    copyrightNotice: '© 2018 AFP',
  };
}

/** A NewsML-G2-like item with every field the mapping knows. */
export function fullItem(): WireItem {
  return {
    ...emptyItem('newsml-g2'),
    sourceId: 'urn:newsml:afp.com:20181003:TX-PAR-FOO12',
    version: 3,
    pubStatus: 'usable',
    signals: ['update'],
    edNote: 'Updates with minister quote',
    headline: 'Ministers meet in Brussels',
    subheadline: 'Cyber on the agenda',
    slugline: 'NATO-defence-cyber',
    byline: 'By Jane Doe',
    located: 'Brussels',
    dateline: 'BRUSSELS, Oct 3 (AFP) -',
    agency: 'AFP',
    language: 'en',
    firstCreated: '2018-10-03T08:00:00Z',
    versionCreated: '2018-10-03T10:15:00+02:00',
    contentCreated: '2018-10-03T07:55:00',
    embargoedUntil: '2018-10-04',
    urgency: 3,
    body: [
      { kind: 'p', text: 'Defence ministers meet on Thursday & Friday.' },
      { kind: 'h', text: 'Agenda' },
      { kind: 'li', text: 'Cyber <defence>' },
      { kind: 'li', text: 'Budgets' },
      {
        kind: 'table',
        text: 'Country\tPledge\nUK\tyes',
        rows: [
          ['Country', 'Pledge'],
          ['UK', 'yes'],
        ],
      },
    ],
    abstract: 'Defence ministers meet in Brussels.',
    pictures: [
      {
        uri: 'http://example.com/photos/123',
        name: 'mainpic',
        caption: 'Ministers arrive',
        credit: 'AFP/John Smith',
        by: 'John Smith',
        altText: 'People in a hall',
        copyrightNotice: '© 2018 AFP',
        renditions: [
          { href: 'http://example.com/photos/123/hi.jpg', mimetype: 'image/jpeg', width: 2048, height: 1365 },
          { href: 'thumbs/123.jpg' },
        ],
      },
      { caption: 'A second picture without any link' },
    ],
    keywords: ['cyber', 'defence'],
    subjects: [
      { code: 'medtop:20001361', name: 'cyber warfare' },
      { code: 'subj:11000000', name: 'politics' },
      { code: '16009000' },
      { code: 'http://cv.iptc.org/newscodes/mediatopic/11000000', name: 'politics' },
      { code: 'afpcat:POL' },
    ],
    genres: ['genre:Current', 'Analysis'],
    copyrightHolder: 'AFP',
    copyrightNotice: 'Copyright 2018 AFP. All rights reserved.',
    usageTerms: 'No archiving',
    altIds: [{ role: 'afp-id', value: 'TX-PAR-FOO12' }],
    links: [{ rel: 'previous-version', href: 'urn:newsml:afp.com:20181003:TX-PAR-FOO12:2' }],
  };
}
