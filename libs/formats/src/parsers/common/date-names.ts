/**
 * Month names and time-zone abbreviations as agencies write them, in the languages of the copy Wiredesk reads
 * (English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian). Keys are lower case,
 * without a trailing dot; accents are kept and also folded, so "fevereiro", "févr." and "maerz" all read.
 */

const MONTHS_BY_NUMBER: string[][] = [
  [
    'january',
    'jan',
    'januar',
    'jänner',
    'jän',
    'janvier',
    'janv',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
  ],
  [
    'february',
    'feb',
    'febr',
    'februar',
    'feber',
    'février',
    'févr',
    'febrero',
    'febbraio',
    'fevereiro',
    'fev',
    'februari',
  ],
  ['march', 'mar', 'märz', 'mär', 'maerz', 'mrz', 'mars', 'marzo', 'março', 'maart', 'mrt', 'marts'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'augusti'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'settembre', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  [
    'december',
    'dec',
    'dezember',
    'dez',
    'décembre',
    'déc',
    'diciembre',
    'dic',
    'dicembre',
    'dezembro',
    'desember',
    'des',
  ],
];

/** Lower case, accents folded: "Févr" → "fevr". */
export function foldName(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const MONTHS = new Map<string, number>();
MONTHS_BY_NUMBER.forEach((names, i) => {
  for (const name of names) {
    MONTHS.set(name, i + 1);
    MONTHS.set(foldName(name), i + 1);
  }
});

/** "Dez" → 12, "fevereiro" → 2, "Sept." → 9; undefined for anything else. */
export function monthFromName(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTHS.get(foldName(key));
}

/**
 * Zone abbreviations to UTC offsets. Ambiguous ones are read as agencies use them: IST as India, CST as US Central,
 * BST as British Summer Time.
 */
const ZONES: Record<string, string> = {
  z: '+00:00',
  gmt: '+00:00',
  ut: '+00:00',
  utc: '+00:00',
  wet: '+00:00',
  bst: '+01:00',
  west: '+01:00',
  cet: '+01:00',
  met: '+01:00',
  mez: '+01:00',
  cest: '+02:00',
  mest: '+02:00',
  mesz: '+02:00',
  eet: '+02:00',
  oez: '+02:00',
  sast: '+02:00',
  eest: '+03:00',
  oesz: '+03:00',
  msk: '+03:00',
  ist: '+05:30',
  ict: '+07:00',
  wib: '+07:00',
  hkt: '+08:00',
  sgt: '+08:00',
  awst: '+08:00',
  jst: '+09:00',
  kst: '+09:00',
  acst: '+09:30',
  aest: '+10:00',
  acdt: '+10:30',
  aedt: '+11:00',
  nzst: '+12:00',
  nzdt: '+13:00',
  brt: '-03:00',
  art: '-03:00',
  ast: '-04:00',
  edt: '-04:00',
  est: '-05:00',
  cdt: '-05:00',
  cst: '-06:00',
  mdt: '-06:00',
  mst: '-07:00',
  pdt: '-07:00',
  pst: '-08:00',
  akst: '-09:00',
  hst: '-10:00',
};

/** "EST" → "-05:00", "+0300" → "+03:00", "GMT+2" → "+02:00"; undefined when the text names no zone. */
export function offsetFromZone(zone: string): string | undefined {
  const key = zone.toLowerCase().replace(/[()]/g, '');
  if (ZONES[key]) return ZONES[key];
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(key);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return `${m[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
