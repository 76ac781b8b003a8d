export const MEDIATOPIC_URI = 'http://cv.iptc.org/newscodes/mediatopic/';

export interface MediaTopic {
  id: string;
  name: string;
  parent?: string;
  level: number;
  retired?: boolean;
}

export interface MediaTopicsFile {
  source: string;
  topics: MediaTopic[];
  /** old IPTC Subject Code (8 digits) → Media Topic id */
  subjectCodes: Record<string, string>;
}

const MEDTOP_RE = /^(?:medtop:|https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/)(\d{8})\/?$/i;
const SUBJ_RE = /^(?:subj:|iptc:|subjectcode:|https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/)(\d{8})\/?$/i;
const BARE_RE = /^(\d{8})$/;

/** The IPTC Media Topics vocabulary: names, the broader chain, and the mapping from the old Subject Codes. */
export class MediaTopics {
  private readonly byId = new Map<string, MediaTopic>();
  private readonly subjectCodes: Map<string, string>;

  constructor(file: MediaTopicsFile) {
    for (const t of file.topics) this.byId.set(t.id, t);
    this.subjectCodes = new Map(Object.entries(file.subjectCodes));
  }

  get(id: string): MediaTopic | undefined {
    return this.byId.get(id);
  }

  uri(id: string): string {
    return MEDIATOPIC_URI + id;
  }

  /** Broader topics from the parent up to the top level. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    let t = this.byId.get(id);
    while (t?.parent) {
      out.push(t.parent);
      t = this.byId.get(t.parent);
    }
    return out;
  }

  topLevel(id: string): string {
    const chain = this.ancestors(id);
    return chain.length ? chain[chain.length - 1] : id;
  }

  /**
   * The Media Topic a source-given code stands for: medtop qcodes and URIs as they are, old Subject Codes (subj:,
   * iptc:, their URIs, bare 8-digit codes) through the IPTC mapping, falling back to the nearest mapped broader code.
   */
  resolve(code: string): string | undefined {
    const trimmed = code.trim();
    const medtop = MEDTOP_RE.exec(trimmed);
    if (medtop) return this.byId.has(medtop[1]) ? medtop[1] : undefined;
    const subj = SUBJ_RE.exec(trimmed) ?? BARE_RE.exec(trimmed);
    if (!subj) return undefined;
    const digits = subj[1];
    if (BARE_RE.test(trimmed) && digits.startsWith('2') && this.byId.has(digits)) return digits;
    for (const candidate of [digits, `${digits.slice(0, 5)}000`, `${digits.slice(0, 2)}000000`]) {
      const mapped = this.subjectCodes.get(candidate);
      if (mapped) return mapped;
    }
    return undefined;
  }

  /** Live topics below `top` (any depth). */
  isUnder(id: string, top: string): boolean {
    return this.ancestors(id).includes(top);
  }

  all(): IterableIterator<MediaTopic> {
    return this.byId.values();
  }
}
