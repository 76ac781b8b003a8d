import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire, parseWireAsync } from '../../parse';
import { readImageStructure, sniffImage } from './image-kind';
import { blocksExifrMisses, metadataOnlyJpeg } from './metadata-blocks';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/images');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('picture deliveries', () => {
  it.each(['jpg', 'png', 'tif', 'webp'])('reads every field of a %s from its IPTC IIM, XMP and EXIF', async (ext) => {
    const { format, items } = await parseWireAsync(fixture(`photo-full.${ext}`));
    expect(format).toBe('image');
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      type: 'picture',
      headline: 'Electric ferry crosses the harbour on its first trial run',
      byline: 'Mara Quist',
      located: 'Northport, Freeland',
      firstCreated: '2024-05-14T09:41:00+02:00',
      copyrightNotice: '© 2024 Northwind Photo Agency',
      body: [],
    });
    expect(item.keywords).toEqual(['ferry', 'transport', 'Grünhafen']);
    expect(item.sourceId).toMatch(/^urn:wiredesk:picture:[0-9a-f]{32}$/);
    expect(item.pictures).toHaveLength(1);
    expect(item.pictures[0]).toMatchObject({
      caption: 'The electric ferry Lumen leaves the quay at Northport on its first trial crossing, 14 May 2024.',
      credit: 'Northwind Photo Agency',
      by: 'Mara Quist',
      renditions: [{ href: 'urn:wiredesk:raw-copy', width: 16, height: 12 }],
    });
  });

  it('reads IIM text in Latin-1 and keeps a date without a time zone out of the dates, saying so', async () => {
    const [item] = (await parseWireAsync(fixture('photo-latin1.jpg'))).items;
    expect(item.pictures[0].caption).toBe('Café terrace at dusk');
    expect(item.byline).toBe('Ivo Brandt');
    expect(item.firstCreated).toBeUndefined();
    expect(item.edNote).toContain('Taken 2023-11-02T18:05:00 (no time zone given).');
  });

  it('takes a picture without metadata as a picture, with a note', async () => {
    const [item] = (await parseWireAsync(fixture('photo-bare.jpg'))).items;
    expect(item.type).toBe('picture');
    expect(item.edNote).toBe('The picture carries no caption or credit.');
  });

  it('dead-letters a picture cut short with MALFORMED_IMAGE', async () => {
    await expect(parseWireAsync(fixture('photo-truncated.jpg'))).rejects.toMatchObject({ code: 'MALFORMED_IMAGE' });
    const png = fixture('photo-full.png').subarray(0, 20);
    await expect(parseWireAsync(png)).rejects.toMatchObject({ code: 'MALFORMED_IMAGE' });
  });

  it('takes pictures beyond the text size limit, up to what a Kafka message holds', async () => {
    const { items } = await parseWireAsync(fixture('photo-full.jpg'), { maxBytes: 1024 });
    expect(items[0].type).toBe('picture');
    await expect(parseWireAsync(Buffer.alloc(2048, 'a'), { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('is read by parseWireAsync only', () => {
    expect(() => parseWire(fixture('photo-full.jpg'))).toThrow(expect.objectContaining({ code: 'INTERNAL_ERROR' }));
  });
});

describe('picture structure', () => {
  it('knows the four formats by their magic numbers, and nothing else', () => {
    expect(['jpg', 'png', 'tif', 'webp'].map((e) => sniffImage(fixture(`photo-full.${e}`)))).toEqual([
      'jpeg',
      'png',
      'tiff',
      'webp',
    ]);
    expect(sniffImage(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(sniffImage(Buffer.from('<nitf>'))).toBeUndefined();
  });

  it('reads sizes from the image headers', () => {
    for (const ext of ['jpg', 'png', 'tif', 'webp']) {
      const bytes = fixture(`photo-full.${ext}`);
      expect(readImageStructure(bytes, sniffImage(bytes)!)).toEqual({ width: 16, height: 12 });
    }
  });

  it('lifts the WebP metadata chunks into a JPEG of metadata segments for exifr', () => {
    const blocks = blocksExifrMisses(fixture('photo-full.webp'), 'webp');
    expect(blocks?.xmp?.toString('utf8')).toContain('Northwind Photo Agency');
    const jpeg = metadataOnlyJpeg(blocks!);
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
  });
});
