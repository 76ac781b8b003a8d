import { all, first, parseDocument } from './dom';
import { findPageElements } from './page-elements';

const PAGE = `<!DOCTYPE html><html><head><title>Head title</title>
<META name="description" content="d"><link rel="CANONICAL" href="https://example.com/a">
<script type="application/ld+json">{"@type":"NewsArticle"}</script><script type="text/javascript">x()</script>
</head><body><h1>Site</h1><svg><title>icon</title></svg>
<template><meta name="hidden" content="h"><article><h1>In a template</h1></article></template>
<article><header><h1>Story</h1><time datetime="2024-01-02">2 Jan</time></header>
<div><figure><img src="a.jpg"><figcaption>A</figcaption></figure></div></article>
<figure><img src="b.jpg"></figure><time datetime="2024-01-01">1 Jan</time>
<SCRIPT TYPE="APPLICATION/LD+JSON">{}</SCRIPT></body></html>`;

describe('findPageElements', () => {
  it('finds in one walk what each selector finds on its own', () => {
    const doc = parseDocument(PAGE);
    const page = findPageElements(doc);
    expect(page.metas).toEqual(all(doc, 'meta'));
    expect(page.ldScripts).toEqual(all(doc, 'script[type="application/ld+json"]'));
    expect(page.h1).toBe(first(doc, 'h1'));
    expect(page.articleH1).toBe(first(doc, 'article h1'));
    expect(page.title).toBe(first(doc, 'title'));
    expect(page.headTitle).toBe(first(doc, 'head > title'));
    expect(page.articleFigures).toEqual(all(doc, 'article figure'));
    expect(page.time).toBe(first(doc, 'time[datetime]'));
    expect(page.articleTime).toBe(first(doc, 'article time[datetime]'));
    expect(page.canonicalLink).toBe(first(doc, 'link[rel="canonical"]'));
  });

  it('reads the page as expected', () => {
    const page = findPageElements(parseDocument(PAGE));
    expect(page.articleH1?.textContent).toBe('Story');
    expect(page.h1?.textContent).toBe('Site');
    expect(page.headTitle?.textContent).toBe('Head title');
    expect(page.articleFigures).toHaveLength(1);
    expect(page.articleTime?.getAttribute('datetime')).toBe('2024-01-02');
    expect(page.metas.map((m) => m.getAttribute('name'))).toEqual(['description']);
  });
});
