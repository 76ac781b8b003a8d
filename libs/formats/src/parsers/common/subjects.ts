import type { WireSubject } from '../../model/wire-item';
import { clean } from './text';

/**
 * IPTC scheme aliases Wiredesk can expand without fetching a catalog: the aliases of IPTC's own catalog
 * (http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_*.xml). Documents may declare more in an inline
 * <catalog>; those are passed in as extra schemes. Remote catalogs (catalogRef) are never fetched.
 */
export const IPTC_SCHEMES: Readonly<Record<string, string>> = {
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  subj: 'http://cv.iptc.org/newscodes/subjectcode/',
  genre: 'http://cv.iptc.org/newscodes/genre/',
  'iso3166-1a2': 'http://cv.iptc.org/newscodes/iso3166-1a2/',
  'iso3166-1a3': 'http://cv.iptc.org/newscodes/iso3166-1a3/',
  ninat: 'http://cv.iptc.org/newscodes/ninature/',
  stat: 'http://cv.iptc.org/newscodes/pubstatusg2/',
  sig: 'http://cv.iptc.org/newscodes/signal/',
  cpnat: 'http://cv.iptc.org/newscodes/cpnature/',
  drol: 'http://cv.iptc.org/newscodes/descriptionrole/',
  hdrole: 'http://cv.iptc.org/newscodes/headlinerole/',
  scene: 'http://cv.iptc.org/newscodes/scene/',
  urgency: 'http://cv.iptc.org/newscodes/urgency/',
  colsp: 'http://cv.iptc.org/newscodes/colourspace/',
  crol: 'http://cv.iptc.org/newscodes/creatorrole/',
  irel: 'http://cv.iptc.org/newscodes/itemrelation/',
};

/** "medtop:20000763" → "http://cv.iptc.org/newscodes/mediatopic/20000763" when the scheme is known. */
export function expandQcode(
  qcode: string,
  schemes: Readonly<Record<string, string>> = IPTC_SCHEMES,
): string | undefined {
  const colon = qcode.indexOf(':');
  if (colon <= 0) return undefined;
  const alias = qcode.slice(0, colon);
  const code = qcode.slice(colon + 1);
  if (!code || /\s/.test(code) || code.startsWith('//')) return undefined;
  const base = Object.prototype.hasOwnProperty.call(schemes, alias) ? schemes[alias] : IPTC_SCHEMES[alias];
  return base ? base + code : undefined;
}

/** The local code of a qcode or URI: "medtop:20000763" → "20000763", "subj:15000000" → "15000000". */
export function codeOf(qcode: string): string {
  const colon = qcode.lastIndexOf(':');
  const slash = qcode.lastIndexOf('/');
  return qcode.slice(Math.max(colon, slash) + 1);
}

/** A subject from a qcode or a full URI, with its URI expanded where the scheme is known. */
export function subjectOf(
  code: string | undefined,
  name: string | undefined,
  schemes?: Readonly<Record<string, string>>,
): WireSubject | undefined {
  const c = clean(code);
  const n = clean(name);
  if (!c) return n ? { code: n, name: n } : undefined;
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(c);
  const uri = isUri ? c : expandQcode(c, schemes);
  const subject: WireSubject = { code: c };
  if (n) subject.name = n;
  if (uri) subject.uri = uri;
  return subject;
}

/** An old IPTC Subject Code number (NITF tobject.subject.refnum, NewsML 1 FormalName) → "subj:NNNNNNNN". */
export function subjectCodeFromNumber(refnum: string | undefined, name?: string): WireSubject | undefined {
  const digits = clean(refnum)?.replace(/^subj:/i, '');
  if (!digits || !/^\d{8}$/.test(digits)) return undefined;
  return subjectOf(`subj:${digits}`, name);
}

/** Removes repeated subjects (same code), keeping the first and filling in a missing name. */
export function uniqueSubjects(subjects: WireSubject[]): WireSubject[] {
  const byCode = new Map<string, WireSubject>();
  for (const s of subjects) {
    const key = (s.uri ?? s.code).toLowerCase();
    const seen = byCode.get(key);
    if (!seen) byCode.set(key, { ...s });
    else if (!seen.name && s.name) seen.name = s.name;
  }
  return [...byCode.values()];
}
