import type { Ninjs } from '@wiredesk/ninjs';
import type { PageKey, RankedPageKey } from './article-query';
import type { VersionRevision } from './article-write-ops';

/** What the archive's reads return (article-reader.ts). */

/** One page of a list, newest first. */
export interface ArticlePage {
  items: Ninjs[];
  /** key of the last item, when there is a next page */
  next?: PageKey;
}

/** One page of a ranked search. */
export interface RankedPage {
  items: { article: Ninjs; score: number }[];
  next?: RankedPageKey;
  /** more matches exist than were ranked (only the newest `candidateLimit` are) */
  truncated: boolean;
}

/** The current version of a story with what the archive knows about it. */
export interface StoredArticle {
  uri: string;
  version: number;
  contentHash: string;
  pubStatus: string;
  ninjs: Ninjs;
  versionCreated: Date;
  source?: string;
  ingest?: { ingestId?: string; source?: string; channel?: string; receivedAt?: Date };
  enrichment?: unknown;
  canceledAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface StoredVersion {
  uri: string;
  version: number;
  versionLabel?: string;
  contentHash: string;
  pubStatus: string;
  originalPubStatus: string;
  versionCreated: Date;
  ninjs: Ninjs;
  ingest?: { ingestId?: string; source?: string; channel?: string; receivedAt?: Date };
  canceledAt?: Date;
  storedAt: Date;
  /** when a replay last re-derived this version's content */
  revisedAt?: Date;
  /** its earlier derivations, oldest first (see article-write-ops.ts, Revisions) */
  revisions?: VersionRevision[];
}
