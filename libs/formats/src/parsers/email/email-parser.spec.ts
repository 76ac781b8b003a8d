import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWireAsync, parseWire } from '../../parse';
import { sniffEmail } from './email-sniff';
import { authorOf } from './email-sender';
import { readFormSubmission } from './form-fields';
import { readEmailCopy } from './email-text';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('e-mail detection', () => {
  it('claims a header block with the fields mail carries, and only that', () => {
    expect(sniffEmail(fixture('correspondent-copy.eml').toString('latin1'))).toBeGreaterThanOrEqual(0.9);
    expect(
      sniffEmail('\n   \nFrom: a@b.example\nDate: Mon, 3 Feb 2025 10:00:00 +0000\nSubject: x\n\nbody'),
    ).toBeGreaterThan(0.5);
    expect(sniffEmail('Headline: Ferry trial\nAbstract: Three crossings\n\nNORTHPORT - The ferry...')).toBe(0);
    expect(sniffEmail('Subject: one\nKeywords: two\n\nbody')).toBe(0);
    expect(sniffEmail('From the archive: a ferry story\nDate: today\n')).toBe(0);
  });

  it('is read by parseWireAsync only; parseWire says so instead of misreading it as text', async () => {
    const bytes = fixture('correspondent-copy.eml');
    expect(() => parseWire(bytes)).toThrow(expect.objectContaining({ code: 'INTERNAL_ERROR' }));
    expect((await parseWireAsync(bytes)).format).toBe('email');
  });
});

describe('e-mail stories', () => {
  it('reads a correspondent’s copy: labelled headline and abstract, byline, dateline, no signature or footer', async () => {
    const { items } = await parseWireAsync(fixture('correspondent-copy.eml'), { contentType: 'message/rfc822' });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.headline).toBe('Harbour ferry passes its first winter trial');
    expect(item.abstract).toBe('The electric ferry Lumen completed three crossings in gale-force winds on Tuesday.');
    expect(item.byline).toBe('Jonna Verhoef');
    expect(item.located).toBe('Northport');
    expect(item.firstCreated).toBe('2025-01-14T08:12:30.000Z');
    expect(item.sourceId).toBe('ferry-0114@nwa.example');
    expect(item.body[0].text).toMatch(/^NORTHPORT, Jan 14 \(AAP\) – The electric ferry Lumen/);
    expect(item.body[item.body.length - 1].text).toBe('The city council will vote next week on a second vessel.');
    const text = item.body.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/confidential|Twitter|Ph:|Headline:/);
    expect(text).toContain('“The batteries held up better than our models said they would,”');
    // what was left out is said, and the subject (repaired from its broken charset) is kept
    expect(item.edNote).toMatch(/footer/);
    expect(item.edNote).toMatch(/sign-off/);
    expect(item.edNote).toContain('Lumen’s winter trial');
  });

  it('makes an attached picture a picture of the story, with the caption from its metadata', async () => {
    const { items } = await parseWireAsync(fixture('photo-attachment.eml'));
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.headline).toBe('Fähre Lumen: erste Probefahrt');
    expect(item.byline).toBe('Mara Quist');
    expect(item.body.map((b) => b.text)).toEqual(["Picture from this morning's trial run, caption in the file."]);
    expect(item.pictures).toHaveLength(1);
    expect(item.pictures[0]).toMatchObject({
      name: 'lumen.jpg',
      caption: expect.stringContaining('The electric ferry Lumen leaves the quay'),
      credit: 'Northwind Photo Agency',
      by: 'Mara Quist',
    });
    expect(item.pictures[0].renditions?.[0]).toMatchObject({
      href: 'urn:wiredesk:raw-copy#part=lumen.jpg',
      mimetype: 'image/jpeg',
      width: 16,
      height: 12,
    });
  });

  it('reads an attached NITF story as the story; a desk address is no byline', async () => {
    const { items } = await parseWireAsync(fixture('nitf-attachment.eml'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ format: 'nitf', headline: 'Council backs second electric ferry' });
    expect(authorOf({ name: 'NWA Newsdesk', address: 'newsdesk@nwa.example' })).toBeUndefined();
  });

  it('maps a form service’s JSON answers to the story by what the fields mean', async () => {
    const { items } = await parseWireAsync(fixture('form-submission.eml'));
    const [item] = items;
    expect(item).toMatchObject({
      headline: 'Lantern festival draws record crowd',
      byline: 'Sami Okoro',
      located: 'Harbourton',
      abstract: 'More than 40,000 people walked the river path on Saturday night.',
      section: 'Local',
      urgency: 3,
    });
    expect(item.body.map((b) => b.text)).toEqual([
      'More than 40,000 people walked the lantern path along the river on Saturday night, organisers said.',
      "The festival, in its twelfth year, raised money for the town's lifeboat station.",
    ]);
    expect(item.edNote).toContain('Submitted by: sami.okoro@herald.example');
  });

  it('reads an HTML-only mail with encoded-word headers in another charset', async () => {
    const { items } = await parseWireAsync(fixture('html-only-ja.eml'));
    expect(items[0].headline).toBe('港の新しいフェリー');
    expect(items[0].byline).toBeUndefined(); // one word, no person's name to trust
    expect(items[0].body.map((b) => b.text).join(' ')).toContain('北港市で電気フェリーの試験運航が始まった。');
  });

  it('makes a mail that is only a picture a picture item headed by the subject', async () => {
    const { items } = await parseWireAsync(fixture('picture-only.eml'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ headline: 'Lumen at the quay', body: [] });
    expect(items[0].pictures).toHaveLength(1);
  });

  it('dead-letters bytes declared as e-mail that hold no message', async () => {
    await expect(parseWireAsync(Buffer.from('just some words\n'), { format: 'email' })).rejects.toMatchObject({
      code: 'MALFORMED_EMAIL',
    });
  });
});

describe('form answers', () => {
  it('finds the body by shape when no field is named as one', () => {
    const long = 'The river rose forty centimetres overnight and the towpath was closed '.repeat(3).trim();
    const story = readFormSubmission(JSON.stringify({ Heading: 'Towpath closed', Details: long, Reporter: 'Ann Lee' }));
    expect(story).toMatchObject({ headline: 'Towpath closed', byline: 'Ann Lee', body: [{ kind: 'p', text: long }] });
  });

  it('is no form when the text is no JSON object', () => {
    expect(readFormSubmission('{ not json')).toBeUndefined();
    expect(readFormSubmission('[1, 2]')).toBeUndefined();
  });
});

describe('e-mail copy', () => {
  it('joins hard-wrapped lines and cuts the signature after "-- "', () => {
    const copy = readEmailCopy(
      'The ferry left the quay at nine and crossed the harbour in just under twelve\nminutes, a record for the route.\n\n-- \nAnn Lee\n',
    );
    expect(copy.blocks.map((b) => b.text)).toEqual([
      'The ferry left the quay at nine and crossed the harbour in just under twelve minutes, a record for the route.',
    ]);
    expect(copy.leftOut).toEqual(['signature (2 words)']);
  });
});
