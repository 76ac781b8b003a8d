import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from './error-codes';
import { ArticleHeader, DlqHeader, WireHeader } from './headers';
import { topicNames } from './topics';

// docs/contracts.md is the contract producers and consumers read: every name the code uses must stand there.
const doc = readFileSync(join(__dirname, '../../../docs/contracts.md'), 'utf8');
const quoted = (name: string) => doc.includes(`\`${name}\``);

describe('docs/contracts.md', () => {
  it.each(Object.values(topicNames({})))('names the topic %s', (topic) => {
    expect(quoted(topic)).toBe(true);
  });

  it.each([...Object.values(WireHeader), ...Object.values(ArticleHeader), ...Object.values(DlqHeader)])(
    'names the header %s',
    (header) => {
      expect(quoted(header)).toBe(true);
    },
  );

  it('lists exactly the error codes of libs/contracts', () => {
    const table = /<!-- error-codes:start -->([\s\S]*?)<!-- error-codes:end -->/.exec(doc)?.[1] ?? '';
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.values(ErrorCode).sort());
  });
});
