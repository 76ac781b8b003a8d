/**
 * Inputs that once took a service down or held a partition (issue 15), shared by the e2e specs and the fault test.
 * Invented text, built in code.
 */

/** About 600 KB of HTML nested 100,000 levels deep (`<b><i>` × 50,000): a minute of DOM building without a limit. */
export function nestedPage(levels = 100_000): Buffer {
  const pairs = Math.floor(levels / 2);
  return Buffer.from(
    `<!DOCTYPE html><html><head><title>Nested</title></head><body><p>${'<b><i>'.repeat(pairs)}deep` +
      `${'</i></b>'.repeat(pairs)}</p></body></html>`,
  );
}

/** A long page of normal depth (5,000 paragraphs, ~740 KB; 10,000, ~1.5 MB): about a second of parsing per MB. */
export function slowPage(paragraphs = 5000): Buffer {
  const parts = ['<!DOCTYPE html><html><head><title>A long page</title></head><body><article><h1>A long page</h1>'];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(
      `<div class="c${i % 7}"><p>Paragraph ${i} of a very long story about nothing in particular, with ` +
        `<a href="/x${i}">a link</a> and <b>bold</b> words.</p></div>`,
    );
  }
  parts.push('</article></body></html>');
  return Buffer.from(parts.join(''));
}

/** An RSS feed with `items` items: one delivery that would become that many articles. */
export function oversizedFeed(items: number, tag = 'feed'): Buffer {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Oversized</title>',
    '<link>https://example.org/</link><description>Too many items</description>',
  ];
  for (let i = 0; i < items; i++) {
    parts.push(
      `<item><title>Item ${i} of ${tag}: council approves budget line ${i}</title>` +
        `<link>https://example.org/${tag}/${i}</link><guid>https://example.org/${tag}/${i}</guid>` +
        `<pubDate>Mon, 01 Apr 2024 10:00:00 GMT</pubDate>` +
        `<description>The council approved budget line ${i} on Monday after a short debate.</description></item>`,
    );
  }
  parts.push('</channel></rss>');
  return Buffer.from(parts.join(''));
}
