import { type Token, WORD } from '../text/tokenizer';

/** lexicon.json `languageMarkers`: which detected language opens which group, and each member's marker words. */
export interface LanguageMarkersFile {
  groups: Record<string, string[]>;
  words: Record<string, string[]>;
}

/**
 * Close languages the frequency lists cannot part are told apart by words only one side writes: Croatian, Serbian
 * (Latin) and Bosnian share one list (wordfreq's Serbo-Croatian), and the reflexes of old "ě" (Croatian and Bosnian
 * "vrijeme", Serbian "vreme") and each standard's own words ("tisuća" / "hiljada", "tjedan" / "nedelja" / "sedmica")
 * decide; Nynorsk and Galician have little or no list of their own, so "ikkje", "eg", "unha", "polo" do. The last
 * member of a group (the one with least data of its own) wins a tie only when the frequency lists chose it.
 */
export class LanguageMarkers {
  private readonly groups: ReadonlyMap<string, readonly string[]>;
  /** marker word → the members it counts for */
  private readonly markers = new Map<string, string[]>();
  /** marker endings ("-ções", "-lege"; written with a leading hyphen) → the members they count for */
  private readonly endings: [string, string][] = [];

  constructor(file: LanguageMarkersFile) {
    this.groups = new Map(Object.entries(file.groups));
    for (const [lang, words] of Object.entries(file.words))
      for (const w of words) {
        if (w.startsWith('-')) {
          this.endings.push([w.slice(1), lang]);
          continue;
        }
        const list = this.markers.get(w) ?? [];
        if (!list.includes(lang)) list.push(lang);
        this.markers.set(w, list);
      }
  }

  /** Both languages belong to one group ("hr" and "bs", "nb" and "nn", "sh" and "sr"). */
  sameGroup(a: string, b: string): boolean {
    for (const [opener, members] of this.groups) {
      const inGroup = (x: string): boolean => x === opener || members.includes(x);
      if (inGroup(a) && inGroup(b)) return true;
    }
    return false;
  }

  /** The member of `detected`'s group the first `words` words of the text point to (or `detected` when none does). */
  refine(detected: string, tokens: readonly Token[], words: number): string {
    const members = this.groups.get(detected);
    if (!members) return detected;
    const hits = new Map<string, number>(members.map((m) => [m, 0]));
    let seen = 0;
    for (let i = 0; i < tokens.length && seen < words; i++) {
      const t = tokens[i];
      if (t.kind !== WORD) continue;
      seen++;
      const count = (m: string): void => {
        if (hits.has(m)) hits.set(m, hits.get(m)! + 1);
      };
      const exact = this.markers.get(t.lower);
      if (exact) exact.forEach(count);
      // an ending counts when a stem of four letters or more is left
      else for (const [end, m] of this.endings) if (t.lower.length >= end.length + 4 && t.lower.endsWith(end)) count(m);
    }
    const last = members[members.length - 1];
    const top = Math.max(...hits.values());
    if (top === 0) return detected;
    const tied = members.filter((m) => hits.get(m) === top);
    if (tied.length === 1) return tied[0];
    if (tied.includes(detected)) return detected;
    const others = tied.filter((m) => m !== last);
    return others.length === 1 ? others[0] : detected;
  }
}
