import { ELEMENT_NODE, all, type DomDocument, type DomElement, type DomNode } from './dom';

/**
 * The elements the article parser and the metadata reader look at, found in one walk of the document instead of one
 * query each (every query walks the whole page). Each field says the selector whose result it is.
 */
export interface PageElements {
  /** meta */
  metas: DomElement[];
  /** script[type="application/ld+json"] */
  ldScripts: DomElement[];
  /** first h1 */
  h1?: DomElement;
  /** first article h1 */
  articleH1?: DomElement;
  /** first title */
  title?: DomElement;
  /** first head > title */
  headTitle?: DomElement;
  /** article figure */
  articleFigures: DomElement[];
  /** first time[datetime] */
  time?: DomElement;
  /** first article time[datetime] */
  articleTime?: DomElement;
  /** first link[rel="canonical"] */
  canonicalLink?: DomElement;
}

/**
 * One selector list whose every part matches a tag of its own, so an element's tag says which part it matched; the
 * "article …" and "head > …" parts are the same tags with an ancestor or parent test, done below as the selector
 * engine does it (ancestors are the chain of element parents; tag names compare in lower case in an HTML document).
 */
const PAGE_SELECTOR =
  'meta, script[type="application/ld+json"], h1, title, figure, time[datetime], link[rel="canonical"]';

function tagOf(node: DomNode): string {
  return (node as DomElement).localName.toLowerCase();
}

function parentElementOf(node: DomNode): DomNode | undefined {
  const parent = node.parentNode;
  return parent && parent.nodeType === ELEMENT_NODE ? parent : undefined;
}

function inArticle(el: DomElement): boolean {
  for (let p = parentElementOf(el); p; p = parentElementOf(p)) if (tagOf(p) === 'article') return true;
  return false;
}

export function findPageElements(doc: DomDocument): PageElements {
  const page: PageElements = { metas: [], ldScripts: [], articleFigures: [] };
  for (const el of all(doc, PAGE_SELECTOR)) {
    switch (tagOf(el)) {
      case 'meta':
        page.metas.push(el);
        break;
      case 'script':
        page.ldScripts.push(el);
        break;
      case 'h1':
        page.h1 ??= el;
        if (!page.articleH1 && inArticle(el)) page.articleH1 = el;
        break;
      case 'title': {
        page.title ??= el;
        const parent = parentElementOf(el);
        if (!page.headTitle && parent && tagOf(parent) === 'head') page.headTitle = el;
        break;
      }
      case 'figure':
        if (inArticle(el)) page.articleFigures.push(el);
        break;
      case 'time':
        page.time ??= el;
        if (!page.articleTime && inArticle(el)) page.articleTime = el;
        break;
      case 'link':
        page.canonicalLink ??= el;
        break;
    }
  }
  return page;
}
