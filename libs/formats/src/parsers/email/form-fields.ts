import type { BodyBlock } from '../../model/wire-item';

/**
 * Form services (Google Forms, Typeform, Microsoft Forms and the scripts around them) mail a submission as a JSON
 * object of field name → answer (Google: a list of answers per field). The story is in those answers: the field
 * names say which is which in many ways, so they are matched by meaning, and where no name matches, by shape (the
 * longest answer is the body).
 */
export interface FormStory {
  headline?: string;
  abstract?: string;
  byline?: string;
  slugline?: string;
  located?: string;
  section?: string;
  genres: string[];
  keywords: string[];
  urgency?: number;
  body: BodyBlock[];
  /** answers no field of the story takes, as "Name: answer", for the ednote */
  unmapped: string[];
}

type Role =
  'headline' | 'abstract' | 'byline' | 'slugline' | 'located' | 'section' | 'genre' | 'keywords' | 'body' | 'urgency';

/** Field names (lower case, letters only) by role, in the languages of the wires we read; first match wins. */
const ROLE_NAMES: [Role, RegExp][] = [
  [
    'headline',
    /^(headline|title|heading|storytitle|storyheadline|hed|titel|titre|titulo|titular|uberschrift|schlagzeile|otsikko|rubrik)$/,
  ],
  [
    'body',
    /^(body|bodytext|story|storybody|storytext|text|content|article|articletext|copy|texte|texto|inhalt|artikel|corpo|testo)$/,
  ],
  [
    'abstract',
    /^(abstract|summary|standfirst|lead|leadin|intro|teaser|description|resume|resumen|zusammenfassung|vorspann|sommario)$/,
  ],
  ['byline', /^(byline|by|author|authors|writer|reporter|journalist|autor|auteur|autore|verfasser)$/],
  ['slugline', /^(slug|slugline|catchline|keyword|stichwort)$/],
  ['located', /^(dateline|location|city|ort|lieu|lugar|ville|ciudad|place)$/],
  ['section', /^(category|section|desk|department|ressort|rubrique|seccion|sezione|service)$/],
  ['genre', /^(genre|storytype|articletype|type)$/],
  ['keywords', /^(keywords|tags|subjects|topics|schlagworte|motscles)$/],
  ['urgency', /^(urgency|priority|newsvalue|prio)$/],
];

const fieldKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** A form's answer as text: lists of answers joined, empty answers dropped. */
function answer(value: unknown): string {
  if (Array.isArray(value)) return value.map(answer).filter(Boolean).join(', ');
  if (value === null || value === undefined || typeof value === 'object') return '';
  return String(value).trim();
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function paragraphs(text: string): BodyBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'p' as const, text: p }));
}

/** A JSON object of form answers as a story, or undefined when the text is no such object. */
export function readFormSubmission(text: string): FormStory | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const answers = Object.entries(data as Record<string, unknown>)
    .map(([name, value]) => ({ name, value: answer(value) }))
    .filter((a) => a.value !== '');
  if (answers.length === 0) return undefined;

  const byRole = new Map<Role, string>();
  const unmapped: { name: string; value: string }[] = [];
  for (const a of answers) {
    const role = ROLE_NAMES.find(([, names]) => names.test(fieldKey(a.name)))?.[0];
    if (role && !byRole.has(role)) byRole.set(role, a.value);
    else unmapped.push(a);
  }
  // no field named as the body: the longest free-text answer of some length is it
  if (!byRole.has('body')) {
    const longest = [...unmapped].sort((a, b) => b.value.length - a.value.length)[0];
    if (longest && words(longest.value) >= 25) {
      byRole.set('body', longest.value);
      unmapped.splice(unmapped.indexOf(longest), 1);
    }
  }
  const urgency = Number(byRole.get('urgency'));
  const story: FormStory = {
    headline: byRole.get('headline'),
    abstract: byRole.get('abstract'),
    byline: byRole.get('byline'),
    slugline: byRole.get('slugline'),
    located: byRole.get('located'),
    section: byRole.get('section'),
    genres: byRole.has('genre') ? [byRole.get('genre') as string] : [],
    keywords: (byRole.get('keywords') ?? '').split(/\s*[,;]\s*/).filter(Boolean),
    body: paragraphs(byRole.get('body') ?? ''),
    unmapped: unmapped.map((a) => `${a.name}: ${a.value}`),
  };
  if (Number.isInteger(urgency) && urgency >= 1 && urgency <= 9) story.urgency = urgency;
  else if (byRole.has('urgency')) story.unmapped.unshift(`Priority: ${byRole.get('urgency')}`);
  // an e-mail address is who filled in the form, not a byline
  if (story.byline?.includes('@')) {
    story.unmapped.push(`Author: ${story.byline}`);
    story.byline = undefined;
  }
  return story;
}
