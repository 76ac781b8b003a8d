import { Injectable } from '@nestjs/common';
import { ArticleRepository, type TagCount } from '@wiredesk/storage';
import type { TagsRequest } from '../http/tags.query';

export interface TagList {
  kind: string;
  since: string;
  until: string;
  items: TagCount[];
}

/** GET /v1/tags/{kind}: what is in the news now. */
@Injectable()
export class CountTags {
  constructor(private readonly articles: ArticleRepository) {}

  async execute(request: TagsRequest): Promise<TagList> {
    const items = await this.articles.tagCounts(request.kind, request);
    return { kind: request.kind, since: request.since.toISOString(), until: request.until.toISOString(), items };
  }
}
