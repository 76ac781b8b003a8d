import { parseHTML } from 'linkedom';
import { parseHtmlArticle, readabilityFits, READABILITY_LIMITS } from './article';
import { parseDocument, readerWork, type DomElement } from './dom';

/** Invented pages of one shape at any size: `paragraphs` story paragraphs, each with a link and bold words. */
const sentence = (i: number) =>
  `Paragraph ${i} of a very long story about nothing in particular, with <a href="/x${i}">a link</a> and <b>bold</b> words.`;
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>A long page</title></head><body>${body}</body></html>`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const SHAPES: Record<string, (paragraphs: number) => string> = {
  // the 740 KB page of the parse-budget test at 5,000
  flat: (n) =>
    page(
      `<article><h1>A long page</h1>${range(n)
        .map((i) => `<div class="c${i % 7}"><p>${sentence(i)}</p></div>`)
        .join('')}</article>`,
    ),
  // the story 150 levels down a chain of wrappers: every paragraph inside every wrapper
  'deep wrappers': (n) =>
    page(
      `${'<div class="w">'.repeat(150)}<h1>A long page</h1>${range(n)
        .map((i) => `<p>${sentence(i)}</p>`)
        .join('')}${'</div>'.repeat(150)}`,
    ),
  // each paragraph in its own chain of 40 wrappers
  'wrapped paragraphs': (n) =>
    page(
      `<article><h1>A long page</h1>${range(n)
        .map((i) => `${'<div class="w">'.repeat(40)}<p>${sentence(i)}</p>${'</div>'.repeat(40)}`)
        .join('')}</article>`,
    ),
  table: (n) =>
    page(
      `<article><h1>Results</h1><p>${sentence(0)} ${sentence(1)}</p><table>${range(n)
        .map((i) => `<tr><td>Row ${i}</td><td>${i * 3}</td><td>Name ${i}</td><td>${i % 17} points</td></tr>`)
        .join('')}</table></article>`,
    ),
};

/**
 * The DOM reading a parse does, counted: characters returned by elements' `textContent` (each read walks the
 * element's subtree) and elements returned by subtree queries. Work that grows with the page's size times its depth
 * shows here as reads far larger than the page, with no clock involved.
 */
function countDomReads(run: () => void): number {
  const { document } = parseHTML('<html><body><p>x</p></body></html>');
  let proto: object | null = document.querySelector('p');
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto);
  const element = proto as DomElement;
  let reads = 0;
  const text = Object.getOwnPropertyDescriptor(element, 'textContent')!;
  const textSpy = jest.spyOn(element, 'textContent', 'get').mockImplementation(function (this: DomElement) {
    const value = text.get!.call(this) as string;
    reads += value.length;
    return value;
  });
  const querySpies = (['querySelectorAll', 'getElementsByTagName'] as const).map((method) => {
    let owner: object | null = element;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, method)) owner = Object.getPrototypeOf(owner);
    const target = owner as Record<string, (...args: unknown[]) => ArrayLike<unknown>>;
    const original = target[method];
    return jest.spyOn(target, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
      const found = original.apply(this, args);
      reads += found.length;
      return found;
    });
  });
  try {
    run();
  } finally {
    textSpy.mockRestore();
    querySpies.forEach((spy) => spy.mockRestore());
  }
  return reads;
}

describe('reading a large HTML page costs work in proportion to the page', () => {
  it('measures the work of a subtree-walking reader in one walk', () => {
    const doc = parseDocument('<html><head></head><body><div><p>abc</p><p>de<b>f</b></p></div></body></html>');
    // html 1, head and body 2, div 3, p p 4, b 5
    expect(readerWork(doc.documentElement)).toEqual({
      elements: 7,
      depth: 5,
      elementDepths: 1 + 2 + 2 + 3 + 4 + 4 + 5,
      // "abc" and "de" sit in 4-deep paragraphs, "f" in the 5-deep <b>
      textDepths: 3 * 4 + 2 * 4 + 1 * 5,
    });
    // past a limit it stops counting: only that it is past matters
    expect(readerWork(doc.documentElement, { elements: 3 }).elements).toBe(4);
  });

  it.each(Object.keys(SHAPES))(
    '%s: every paragraph kept, DOM reads bounded by the page size',
    (shape) => {
      const paragraphs = { flat: 3000, 'deep wrappers': 3000, 'wrapped paragraphs': 600, table: 6000 }[shape]!;
      const html = SHAPES[shape](paragraphs);
      let blocks = 0;
      let tableRows = 0;
      const reads = countDomReads(() => {
        const item = parseHtmlArticle(html);
        blocks = item.body.filter((b) => b.kind === 'p').length;
        tableRows = item.body.reduce((n, b) => n + (b.rows?.length ?? 0), 0);
      });
      if (shape === 'table') expect(tableRows).toBe(paragraphs);
      else expect(blocks).toBe(paragraphs);
      // Measured: under 10 reads per byte of page. Before Readability's work was bounded, the two deep shapes read
      // 110 and 550 per byte (every element's whole text once per ancestor): 10 s and more for a 1 MB page.
      expect(reads / html.length).toBeLessThan(25);
    },
    30_000,
  );

  it('gives Readability the pages it reads within its limits, and the deep ones to the linear path', () => {
    expect(readabilityFits(parseDocument(SHAPES.flat(5000)))).toBe(true);
    expect(readabilityFits(parseDocument(SHAPES['deep wrappers'](4000)))).toBe(false);
    const work = readerWork(parseDocument(SHAPES.flat(5000)).documentElement);
    expect(work.elementDepths).toBeLessThan(READABILITY_LIMITS.elementDepths / 4);
    expect(work.textDepths).toBeLessThan(READABILITY_LIMITS.textDepths / 4);
  }, 30_000);
});
