import { readFileSync } from 'fs';
import { nitfParser } from '../nitf/nitf-parser';
import { newsmlG2Parser } from '../newsml-g2/newsml-g2-parser';
import { newsml1Parser } from '../newsml1/newsml1-parser';
import { anpa1312Parser } from '../anpa1312/anpa1312-parser';
import { iptc7901Parser } from '../iptc7901/iptc7901-parser';
import { ninjsParser } from '../ninjs/ninjs-parser';
import { rssParser } from '../feed/rss-parser';
import { atomParser } from '../feed/atom-parser';
const PARSERS = [nitfParser, newsmlG2Parser, newsml1Parser, anpa1312Parser, iptc7901Parser, ninjsParser, rssParser, atomParser];
const files = (process.env.DUMP ?? '').split(',').filter(Boolean);
it('dumps', () => {
  for (const f of files) {
    const [fmt, path] = f.split('=');
    const p = PARSERS.find((x) => x.format === fmt)!;
    const bytes = readFileSync(path);
    try {
      const items = p.parse({ text: bytes.toString('utf8').replace(/^\uFEFF/, ''), bytes });
      console.log(path, JSON.stringify(items, null, 1));
    } catch (e) { console.log(path, 'ERROR', e); }
  }
});
