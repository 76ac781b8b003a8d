import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';
import type { ParseInput } from '../parser';
import { ritzauParser } from './ritzau-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/ritzau');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

describe('ritzauParser', () => {
  const [release, flash] = ritzauParser.parse(input('ritzau-style-queue.xml'));

  it('is detected by content and gives one story per RBNews', () => {
    expect(parseWire(input('ritzau-style-queue.xml').bytes).items).toHaveLength(2);
    expect(parseWire(input('ritzau-style-queue.xml').bytes).format).toBe('ritzau');
  });

  it('undoes the double escaping and the mis-decoded pound sign of a press release', () => {
    expect(release.body.map((b) => b.text)).toEqual([
      "The agency has awarded more than £2 million to Example Orbital to fly 'weather-first' satellites.",
      '"This is a good day for forecasters," the minister said.',
    ]);
    expect(release.subheadline).toBe("Space Agency Backs Example Orbital's Weather Satellites");
    expect(release.located).toBe('København');
  });

  it('reads Copenhagen times with their offset, winter and summer', () => {
    expect(release.versionCreated).toBe('2024-02-01T18:44:52.973+01:00');
    expect(flash.versionCreated).toBe('2024-07-01T18:38:49.417+02:00');
  });

  it('gives a flash without headline its text as headline, drops the sign-off, keeps the flags', () => {
    expect(flash.headline).toBe('Den danske roer vandt i dag guld ved EM i Aarhus efter et tæt opløb.');
    expect(flash.edNote).toMatch(/Headline taken from the first paragraph/);
    expect(flash.body.map((b) => b.text)).toEqual([
      'Den danske roer vandt i dag guld ved EM i Aarhus efter et tæt opløb.',
    ]);
    expect(flash.byline).toBe('Kim Eksempel');
    expect(flash.signals).toEqual(['correction']);
    expect(flash.version).toBe(2);
  });
});
