import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';
import type { ParseInput } from '../parser';
import { cpPublishParser } from './cp-publish-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/cp-publish');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

describe('cpPublishParser', () => {
  it('is detected by content, not by file name', () => {
    const { bytes } = input('cp-style-story.xml');
    expect(parseWire(bytes).format).toBe('cp-publish');
  });

  describe('a story', () => {
    const [item] = cpPublishParser.parse(input('cp-style-story.xml'));

    it('reads the escaped HTML text as paragraphs', () => {
      expect(item.type).toBe('text');
      expect(item.body.map((b) => b.text)).toEqual([
        'The harbour festival film opens with a storm and never quite finds calm water.',
        'Its crew of sailors drifts from port to port, colour draining from every frame.',
        'Two stars out of four.',
      ]);
    });

    it('reads headline, byline, place, language, note and both times', () => {
      expect(item.headline).toBe('Review: Harbour festival film drifts without a rudder');
      expect(item.subheadline).toBeUndefined();
      expect(item.byline).toBe('Anna Example');
      expect(item.located).toBe('Halifax');
      expect(item.language).toBe('en');
      expect(item.edNote).toBe('UPDATES: With photos.');
      expect(item.firstCreated).toBe('2021-07-02T14:14:53.377Z');
      expect(Date.parse(item.versionCreated ?? '')).toBe(Date.parse('2021-07-02T14:14:53.430Z'));
      expect(item.embargoedUntil).toBeUndefined();
    });

    it('drops the keyword the export cut mid-word', () => {
      expect(item.keywords).toContain('Canadian cinema');
      expect(item.keywords).not.toContain('Reviews and criti');
    });
  });

  it('reads a PhotoContentItem as a picture with caption, credit and photographer', () => {
    const [item] = cpPublishParser.parse(input('cp-style-photo.xml'));
    expect(item.type).toBe('picture');
    expect(item.headline).toBe('Harbour Festival');
    expect(item.pictures[0]).toMatchObject({
      caption: expect.stringContaining('ties a sail at the harbour festival') as string,
      by: 'Sam Lensman',
      credit: 'THE CANADIAN PRESS',
    });
  });
});
