/** The Enricher built once per process (gazetteers and models loaded at start, not per article). */
export const ENRICHER = Symbol('ENRICHER');
