import { Injectable } from '@nestjs/common';
import type { Ninjs } from '@wiredesk/ninjs';
import { ArticleRepository } from '@wiredesk/storage';
import type { ListArticlesRequest } from '../http/article-list.query';
import { encodeCursor } from '../http/cursor';

export interface ArticleList {
  items: Ninjs[];
  /** pass as `cursor` for the next page; null on the last page */
  next: string | null;
}

/** GET /v1/articles: newest first, or ranked by relevance when words are searched. */
@Injectable()
export class ListArticles {
  constructor(private readonly articles: ArticleRepository) {}

  async execute(request: ListArticlesRequest): Promise<ArticleList> {
    const { filter, limit, fields, after, fingerprint } = request;
    if (request.order === 'relevance' && filter.terms) {
      const page = await this.articles.search(
        { ...filter, terms: filter.terms },
        { limit, fields, ...(after ? { after: { ...after, score: after.score ?? 0 } } : {}) },
      );
      return {
        items: page.items.map((i) => i.article),
        next: page.next ? encodeCursor({ order: 'relevance', ...page.next }, fingerprint) : null,
      };
    }
    const page = await this.articles.list(filter, { limit, fields, after });
    return {
      items: page.items,
      next: page.next ? encodeCursor({ order: 'newest', ...page.next }, fingerprint) : null,
    };
  }
}
