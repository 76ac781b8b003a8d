import type { Ninjs } from '@wiredesk/ninjs';
import { evaluateFile, readExpectations, squash, tally, type FileExpectation } from './checks';

const ARTICLE: Ninjs = {
  uri: 'urn:test:1',
  type: 'text',
  headlines: [{ role: 'main', value: 'Rain  stops play\nin Perth' }],
  by: 'Jo Bloggs',
  located: 'Perth',
  firstCreated: '2024-03-01T10:00:00+08:00',
  versionCreated: '2024-03-01T02:30:00Z',
  language: 'en-AU',
  pubStatus: 'usable',
  edNote: 'Adds quotes from the captain',
  descriptions: [{ role: 'summary', contentType: 'text/plain', value: 'Play was abandoned.' }],
  bodies: [
    { role: 'main', contentType: 'text/plain', value: 'Play was abandoned at lunch.\n\nTeam | Runs\n\nThe end.' },
    { role: 'main', contentType: 'application/xhtml+xml', value: '<p>Play…</p><table><tr><td>Team</td></tr></table>' },
  ],
  associations: [
    {
      name: 'picture1',
      uri: 'urn:test:pic',
      type: 'picture',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'Covers on the pitch at the WACA.' },
        { role: 'creditline', contentType: 'text/plain', value: 'AAP Image' },
      ],
    },
  ],
  copyrightNotice: '© 2024 AAP',
  subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/15000000', name: 'sport' }],
};

function file(articles: FileExpectation['articles'], extra: Partial<FileExpectation> = {}): FileExpectation {
  return { file: 'f.txt', source: 'test', articles, ...extra };
}

describe('realworld checks', () => {
  it('collapses whitespace before comparing', () => {
    expect(squash('  a\n\n b\t c ')).toBe('a b c');
    const [r] = evaluateFile(file([{ headline: 'Rain stops play in Perth' }]), { articles: [ARTICLE] });
    expect(r.ok).toBe(true);
  });

  it('holds every kind of check that the article meets', () => {
    const results = evaluateFile(
      file([
        {
          headline_contains: 'stops play',
          body_starts: 'Play was abandoned',
          body_ends: 'The end.',
          body_contains: ['Team | Runs'],
          body_excludes: ['NNNN'],
          by: 'Jo Bloggs',
          located: 'Perth',
          firstcreated: '2024-03-01T02:00:00Z', // the same instant as +08:00 10:00
          versioncreated: '2024-03-01T10:30:00+08:00',
          language: 'EN-au',
          pubstatus: 'usable',
          type: 'text',
          description_contains: 'abandoned',
          ednote_contains: 'captain',
          has_table: true,
          picture_caption_contains: 'WACA',
          credit: 'AAP Image',
          copyrightnotice_contains: 'AAP',
          subjects_include: ['medtop:15000000'],
        },
      ]),
      { articles: [ARTICLE] },
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(19);
  });

  it('reports each miss with what was expected and what came out', () => {
    const results = evaluateFile(
      file([
        {
          headline: 'Sun shines',
          body_excludes: ['The end.'],
          has_table: false,
          versioncreated: '2020-01-01T00:00:00Z',
        },
      ]),
      { articles: [ARTICLE] },
    );
    expect(tally(results)).toEqual({ held: 0, total: 4 });
    expect(results[0]).toMatchObject({
      key: 'headline',
      expected: 'Sun shines',
      got: 'Rain stops play in Perth',
      article: 1,
    });
    expect(results.find((r) => r.key === 'body_excludes')?.got).toMatch(/^present: /);
  });

  it('fails every check of an article that did not come out, and a wrong count', () => {
    const results = evaluateFile(file([{ headline: 'x' }, { headline: 'y', by: 'z' }], { count: 2 }), {
      articles: [ARTICLE],
    });
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ['count', false],
      ['headline', false],
      ['headline', false],
      ['by', false],
    ]);
    expect(results[3].got).toBe('(no such article)');
  });

  it('checks a dead letter by its code', () => {
    const want: FileExpectation = { file: 'poll.xml', source: 'test', deadletter: 'NOT_NEWS' };
    expect(evaluateFile(want, { error: { code: 'NOT_NEWS', message: 'a poll list' } })[0].ok).toBe(true);
    expect(evaluateFile(want, { error: { code: 'UNKNOWN_FORMAT', message: '?' } })[0].ok).toBe(false);
    expect(evaluateFile(want, { articles: [ARTICLE] })[0]).toMatchObject({ ok: false, got: '1 article(s)' });
  });

  it('counts a file that failed to parse as a miss, with its article checks', () => {
    const results = evaluateFile(file([{ headline: 'x' }]), { error: { code: 'MALFORMED_XML', message: 'bad' } });
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results[0].got).toBe('MALFORMED_XML: bad');
  });

  describe('reading expectation files', () => {
    it('reads entries, turning YAML dates and numbers into strings', () => {
      const [entry] = readExpectations(
        [{ file: 'a', source: 's', articles: [{ versioncreated: new Date('2020-01-01T00:00:00Z'), headline: 2020 }] }],
        't.yaml',
      );
      expect(entry.articles?.[0]).toEqual({ versioncreated: '2020-01-01T00:00:00.000Z', headline: '2020' });
    });

    it('refuses typos, wrong kinds and entries that check nothing', () => {
      expect(() => readExpectations([{ file: 'a', source: 's', articles: [{ headlin: 'x' }] }], 't')).toThrow(
        /headlin/,
      );
      expect(() => readExpectations([{ file: 'a', source: 's', articles: [{ body_contains: 'x' }] }], 't')).toThrow(
        /list/,
      );
      expect(() => readExpectations([{ file: 'a', source: 's', articles: [{ has_table: 'yes' }] }], 't')).toThrow(
        /true/,
      );
      expect(() => readExpectations([{ file: 'a', source: 's' }], 't')).toThrow(/either/);
      expect(() => readExpectations([{ file: 'a', articles: [{ headline: 'x' }] }], 't')).toThrow(/source/);
      expect(() => readExpectations({ file: 'a' }, 't')).toThrow(/list/);
    });
  });
});
