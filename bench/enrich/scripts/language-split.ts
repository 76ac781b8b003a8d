/**
 * The one split of the labelled text the language detector is built and measured on, fixed before any tuning:
 *  - IPTC Media Topics (names and definitions in 13 locale columns): by a hash of the topic id, 60 % train, 20 % dev,
 *    20 % test. Only the no-NN train rows feed the detector's data (Nynorsk, which wordfreq lacks).
 *  - SIB-200 (en/fr/de/es): its own dev.tsv and test.tsv; never trained on.
 *  - Debian's translated documentation (installation guide, man pages; read from /usr/share when installed): by a hash
 *    of the file path, half dev, half test; never trained on.
 */
export type Split = 'train' | 'dev' | 'test';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function splitOfTopic(id: string): Split {
  const b = fnv1a(`iptc:${id}`) % 10;
  return b < 6 ? 'train' : b < 8 ? 'dev' : 'test';
}

export function splitOfDocument(path: string): Exclude<Split, 'train'> {
  return fnv1a(`doc:${path}`) % 2 === 0 ? 'dev' : 'test';
}

/** IPTC locale column → the language tag the detector should give. */
export const IPTC_LOCALES: Record<string, string> = {
  ar: 'ar',
  de: 'de',
  dk: 'da',
  'en-GB': 'en',
  'en-US': 'en',
  es: 'es',
  fr: 'fr',
  'no-NB': 'nb',
  'no-NN': 'nn',
  'pt-PT': 'pt',
  'pt-BR': 'pt',
  se: 'sv',
  'zh-Hans': 'zh',
};

export interface IptcText {
  id: string;
  kind: 'name' | 'definition';
  text: string;
}

/** The names and definitions of one locale column of the IPTC CSV (rows: the CSV parsed, first line a title). */
export function iptcRowsOf(csv: string[][], locale: string): IptcText[] {
  const header = csv.findIndex((r) => r[0] === 'NewsCode-URI');
  const cols = csv[header];
  const nameCol = cols.indexOf(`Name (${locale})`);
  const defCol = cols.indexOf(`Definition (${locale})`);
  if (nameCol < 0 || defCol < 0) throw new Error(`IPTC CSV has no ${locale} columns`);
  const out: IptcText[] = [];
  for (const row of csv.slice(header + 1)) {
    const id = row[0]?.split('/').pop();
    if (!id) continue;
    if (row[nameCol]?.trim()) out.push({ id, kind: 'name', text: row[nameCol].trim() });
    if (row[defCol]?.trim()) out.push({ id, kind: 'definition', text: row[defCol].trim() });
  }
  return out;
}
