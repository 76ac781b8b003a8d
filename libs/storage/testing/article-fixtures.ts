import { contentHash, type Ninjs } from '@wiredesk/ninjs';
import type { IncomingArticle } from '../src/articles/article-input';
import { toArticleRecord, type ArticleRecord } from '../src/articles/article-record';

/**
 * Small, realistic ninjs 3.1 articles for the storage and archive tests: written for these tests (no third-party
 * text), shaped like what the pipeline produces (main headline, plain-text body, entities with Wikidata / ISO 3166
 * URIs, IPTC Media Topics).
 */

const WD = 'http://www.wikidata.org/entity/';
const ISO = 'http://cv.iptc.org/newscodes/iso3166-1a2/';
const MEDTOP = 'http://cv.iptc.org/newscodes/mediatopic/';

export interface StorySpec {
  uri: string;
  version?: number;
  versionCreated: string;
  headline: string;
  paragraphs: string[];
  language?: string;
  pubStatus?: Ninjs['pubStatus'];
  people?: [string, string?][];
  organisations?: [string, string?][];
  places?: [string, string?][];
  subjects?: [string, string][];
}

export function ninjsOf(spec: StorySpec): Ninjs {
  const named = (list: [string, string?][] | undefined, rel = 'mentions') =>
    list?.map(([name, uri]) => ({ name, rel, ...(uri ? { uri } : {}) }));
  const doc: Ninjs = {
    uri: spec.uri,
    version: String(spec.version ?? 1),
    versionCreated: spec.versionCreated,
    firstCreated: spec.versionCreated,
    type: 'text',
    pubStatus: spec.pubStatus ?? 'usable',
    language: spec.language ?? 'en',
    headlines: [{ role: 'main', value: spec.headline }],
    bodies: [
      {
        role: 'main',
        contentType: 'text/plain',
        value: spec.paragraphs.join('\n\n'),
        wordCount: spec.paragraphs.join(' ').split(/\s+/).length,
      },
    ],
  };
  if (spec.people) doc.people = named(spec.people);
  if (spec.organisations) doc.organisations = named(spec.organisations);
  if (spec.places) doc.places = named(spec.places);
  if (spec.subjects) {
    doc.subjects = spec.subjects.map(([code, name]) => ({
      name,
      uri: MEDTOP + code,
      creator: 'machine',
      relevance: 80,
      confidence: 70,
    }));
  }
  return doc;
}

export function incoming(ninjs: Ninjs, extra: Partial<IncomingArticle> = {}): IncomingArticle {
  return {
    ninjs,
    contentHash: contentHash(ninjs),
    ingestId: `ingest-${ninjs.uri}-${ninjs.version}`,
    source: 'afp-en',
    ...extra,
  };
}

/** A kill of a story: same uri, a new version, pubStatus canceled. */
export function killOf(doc: Ninjs, version: number, versionCreated: string): Ninjs {
  return { ...doc, version: String(version), versionCreated, pubStatus: 'canceled', edNote: 'Story killed.' };
}

/** Twelve stories over three days, several sources, languages and tags, for filters and paging. */
export function seededStories(prefix: string): { ninjs: Ninjs; source: string }[] {
  const at = (day: number, hour: number) => `2024-03-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;
  const specs: (StorySpec & { source: string })[] = [
    {
      uri: `${prefix}:nato-cyber`,
      versionCreated: at(1, 9),
      source: 'afp-en',
      headline: 'US to let NATO use its cyber defence skills',
      paragraphs: [
        'The United States is expected to offer its cyber warfare capabilities to NATO, officials said in Brussels.',
        'Britain and Denmark have already committed cyber security resources to the alliance.',
      ],
      people: [['Jens Stoltenberg', `${WD}Q57313`]],
      organisations: [['NATO', `${WD}Q7184`]],
      places: [
        ['United States', `${ISO}us`],
        ['United Kingdom', `${ISO}gb`],
        ['Denmark', `${ISO}dk`],
        ['Brussels', `${WD}Q239`],
      ],
      subjects: [['20000763', 'cyber warfare']],
    },
    {
      uri: `${prefix}:nato-estonia`,
      versionCreated: at(1, 11),
      source: 'afp-en',
      headline: 'Estonia hosts NATO cyber exercise',
      paragraphs: [
        'Estonia opened a week-long cyber defence exercise for NATO allies in Tallinn on Monday.',
        'Latvia and Lithuania sent teams, the organisers said.',
      ],
      organisations: [['NATO', `${WD}Q7184`]],
      places: [
        ['Estonia', `${ISO}ee`],
        ['Latvia', `${ISO}lv`],
        ['Lithuania', `${ISO}lt`],
      ],
      subjects: [['20000763', 'cyber warfare']],
    },
    {
      uri: `${prefix}:stoltenberg-visit`,
      versionCreated: at(1, 15),
      source: 'reuters-en',
      headline: 'Stoltenberg visits Latvia ahead of summit',
      paragraphs: ['NATO Secretary General Jens Stoltenberg met Latvian leaders in Riga before the summit.'],
      people: [['Jens Stoltenberg', `${WD}Q57313`]],
      organisations: [['NATO', `${WD}Q7184`]],
      places: [['Latvia', `${ISO}lv`]],
      subjects: [['11000000', 'politics']],
    },
    {
      uri: `${prefix}:ecb-rates`,
      versionCreated: at(2, 8),
      source: 'reuters-en',
      headline: 'ECB holds interest rates steady',
      paragraphs: ['The European Central Bank left its key interest rates unchanged on Thursday, as expected.'],
      organisations: [['European Central Bank', `${WD}Q8901`]],
      places: [['Frankfurt', `${WD}Q1794`]],
      subjects: [['20000350', 'interest rates']],
    },
    {
      uri: `${prefix}:bce-taux`,
      versionCreated: at(2, 8),
      source: 'afp-fr',
      language: 'fr',
      headline: 'La BCE maintient ses taux directeurs',
      paragraphs: ['La Banque centrale européenne a laissé ses taux inchangés jeudi, comme attendu.'],
      organisations: [['Banque centrale européenne', `${WD}Q8901`]],
      places: [['Francfort', `${WD}Q1794`]],
      subjects: [['20000350', 'taux d’intérêt']],
    },
    {
      uri: `${prefix}:ezb-zinsen`,
      versionCreated: at(2, 9),
      source: 'dpa-de',
      language: 'de',
      headline: 'EZB lässt Leitzins unverändert',
      paragraphs: ['Die Europäische Zentralbank hat ihre Leitzinsen am Donnerstag nicht verändert.'],
      organisations: [['Europäische Zentralbank', `${WD}Q8901`]],
      places: [['Frankfurt', `${WD}Q1794`]],
      subjects: [['20000350', 'Zinssatz']],
    },
    {
      uri: `${prefix}:storm-denmark`,
      versionCreated: at(2, 14),
      source: 'afp-en',
      headline: 'Storm cuts power to thousands in Denmark',
      paragraphs: [
        'A winter storm cut power to thousands of homes in western Denmark overnight, the grid operator said.',
      ],
      places: [['Denmark', `${ISO}dk`]],
      subjects: [['06000000', 'environment']],
    },
    {
      uri: `${prefix}:cyber-bank`,
      versionCreated: at(2, 18),
      source: 'reuters-en',
      headline: 'Banks step up cyber security after attacks',
      paragraphs: [
        'Several European banks said they had increased spending on security after a series of attacks.',
        'Regulators in Frankfurt asked lenders to test their cyber defences.',
      ],
      organisations: [['European Central Bank', `${WD}Q8901`]],
      places: [['Frankfurt', `${WD}Q1794`]],
      subjects: [['20000763', 'cyber warfare']],
    },
    {
      uri: `${prefix}:football`,
      versionCreated: at(3, 10),
      source: 'afp-en',
      headline: 'Denmark beat Estonia in World Cup qualifier',
      paragraphs: ['Denmark beat Estonia 2-0 in Copenhagen on Saturday to stay top of their qualifying group.'],
      places: [
        ['Denmark', `${ISO}dk`],
        ['Estonia', `${ISO}ee`],
        ['Copenhagen', `${WD}Q1748`],
      ],
      subjects: [['15054000', 'soccer']],
    },
    {
      uri: `${prefix}:withheld`,
      versionCreated: at(3, 11),
      source: 'afp-en',
      pubStatus: 'withheld',
      headline: 'Embargoed report on NATO spending',
      paragraphs: ['A report on NATO defence spending is under embargo until further notice.'],
      organisations: [['NATO', `${WD}Q7184`]],
      subjects: [['11000000', 'politics']],
    },
    {
      uri: `${prefix}:lithuania-energy`,
      versionCreated: at(3, 12),
      source: 'reuters-en',
      headline: 'Lithuania completes power grid switch',
      paragraphs: ['Lithuania, Latvia and Estonia finished moving their power grids to the European network.'],
      places: [
        ['Lithuania', `${ISO}lt`],
        ['Latvia', `${ISO}lv`],
        ['Estonia', `${ISO}ee`],
      ],
      subjects: [['20000249', 'energy']],
    },
    {
      uri: `${prefix}:brussels-summit`,
      versionCreated: at(3, 16),
      source: 'afp-en',
      headline: 'NATO leaders gather in Brussels',
      paragraphs: [
        'NATO leaders arrived in Brussels for a two-day summit dominated by defence spending and cyber threats.',
      ],
      people: [['Jens Stoltenberg', `${WD}Q57313`]],
      organisations: [['NATO', `${WD}Q7184`]],
      places: [['Brussels', `${WD}Q239`]],
      subjects: [['11000000', 'politics']],
    },
  ];
  return specs.map(({ source, ...spec }) => ({ ninjs: ninjsOf(spec), source }));
}

/** A stored record of a minimal story (English, one person, one place, from AFP-EN), for the timeline's unit tests. */
export function recordAt(uri: string, versionCreated: string, extra: Record<string, unknown> = {}): ArticleRecord {
  return toArticleRecord({
    ninjs: {
      uri,
      version: '1',
      versionCreated,
      language: 'en',
      people: [{ name: 'Ada Lovelace', uri: 'http://www.wikidata.org/entity/Q7259' }],
      places: [{ name: 'Ghent' }],
      ...extra,
    },
    contentHash: 'abcdef0123456789',
    source: 'AFP-EN',
  });
}
