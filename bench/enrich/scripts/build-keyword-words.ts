/**
 * Builds libs/enrich/data/keyword-words.json, the English word classes the key-phrase chunker needs to keep clause
 * fragments out ("fourth quarter sales rose"): past-tense verb forms, infinitives (cut after "to"), adverbs, and number
 * words and ordinals, from
 * the lexicon of the npm package compromise 14 (MIT; a dev dependency, read offline). Run offline, commit the output:
 *   npm run build && node dist/bench/enrich/scripts/build-keyword-words.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './paths';

type Lexicon = Record<string, string | string[]>;

function main(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as { model(): { one: { lexicon: Lexicon } } };
  const lexicon = nlp.model().one.lexicon;
  const verbs: string[] = [];
  const adverbs: string[] = [];
  const numberWords: string[] = [];
  const infinitives: string[] = [];
  const NOUN = /Noun|Singular|Plural|Uncountable|Actor/;
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    if (tags.some((t) => NOUN.test(t))) continue;
    if (tags.includes('PastTense') || tags.includes('Copula') || tags.includes('Modal') || tags.includes('Auxiliary'))
      verbs.push(word);
    else if (tags.includes('Adverb')) adverbs.push(word);
    else if (tags.includes('Infinitive')) infinitives.push(word);
    else if (tags.includes('Ordinal') || tags.includes('TextValue') || tags.includes('Cardinal'))
      numberWords.push(word);
  }
  const out = {
    source: 'compromise 14.17.0 lexicon (MIT), via bench/enrich/scripts/build-keyword-words.ts',
    verbs: verbs.sort(),
    adverbs: adverbs.sort(),
    numberWords: numberWords.sort(),
    infinitives: infinitives.sort(),
  };
  writeFileSync(join(dataDir(), 'keyword-words.json'), `${JSON.stringify(out, null, 0)}\n`);
  process.stdout.write(
    `keyword-words.json: ${verbs.length} verb forms, ${infinitives.length} infinitives, ${adverbs.length} adverbs, ${numberWords.length} number words\n`,
  );
}

main();
