import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnricher } from '@wiredesk/enrich';
import { validateNinjs } from '@wiredesk/ninjs';
import { normalizeBytesAsync } from './normalize';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const meta = {
  ingestId: '0b6c1d7e-0000-4000-8000-00000000abcd',
  rawCopyUrl: 'http://archive.example:8081/v1/raw/0b6c1d7e-0000-4000-8000-00000000abcd',
  receivedAt: '2025-01-14T10:00:00Z',
};

describe('pictures and e-mail through the pipeline', () => {
  const enricher = createEnricher();

  it('makes a photo a valid ninjs picture whose rendition is the archive’s raw copy, enriched without a body', async () => {
    const bytes = readFileSync(join(FIXTURES, 'images/photo-full.jpg'));
    const { articles } = await normalizeBytesAsync(bytes, { contentType: 'image/jpeg' }, { meta, enricher });
    expect(articles).toHaveLength(1);
    const [picture] = articles;
    expect(validateNinjs(picture).errors).toEqual([]);
    expect(picture).toMatchObject({
      type: 'picture',
      by: 'Mara Quist',
      renditions: [{ href: meta.rawCopyUrl, contentType: 'image/jpeg', width: 16, height: 12 }],
    });
    expect(picture.bodies).toBeUndefined();
    expect(picture.descriptions?.find((d) => d.role === 'caption')?.value).toContain('The electric ferry Lumen');
  });

  it('has no rendition where the raw copy’s address is not known (the CLI)', async () => {
    const bytes = readFileSync(join(FIXTURES, 'images/photo-full.webp'));
    const { articles } = await normalizeBytesAsync(bytes, {}, { meta: { receivedAt: meta.receivedAt } });
    expect(articles[0].renditions).toBeUndefined();
    expect(validateNinjs(articles[0]).errors).toEqual([]);
  });

  it('points an e-mail’s picture at its part of the stored message', async () => {
    const bytes = readFileSync(join(FIXTURES, 'email/photo-attachment.eml'));
    const { articles } = await normalizeBytesAsync(bytes, { contentType: 'message/rfc822' }, { meta, enricher });
    expect(validateNinjs(articles[0]).errors).toEqual([]);
    const [association] = articles[0].associations ?? [];
    expect(association).toMatchObject({ type: 'picture', name: 'lumen.jpg', by: 'Mara Quist' });
    expect(association.renditions?.[0].href).toBe(`${meta.rawCopyUrl}#part=lumen.jpg`);
  });
});
