import { Injectable } from '@nestjs/common';
import { ArticleRepository, type StoredArticle, type StoredVersion, type VersionRevision } from '@wiredesk/storage';

/** One version of a story as GET /v1/articles/{id}/versions lists it. */
export interface VersionView {
  version: number;
  versionLabel?: string;
  versionCreated: string;
  /** the effective status: canceled once the story was killed */
  pubStatus: string;
  /** what the version itself said */
  originalPubStatus: string;
  contentHash: string;
  ingestId?: string;
  source?: string;
  channel?: string;
  receivedAt?: string;
  storedAt: string;
  article: StoredVersion['ninjs'];
  /** when a replay last re-derived this version (the article above is that derivation) */
  revisedAt?: string;
  /** the earlier derivations of this version, oldest first */
  revisions?: RevisionView[];
}

/** An earlier derivation of a version, superseded by a replay through an improved pipeline. */
export interface RevisionView {
  contentHash: string;
  storedAt?: string;
  supersededAt: string;
  /** absent when left out to keep the version within the store's document limit */
  article?: StoredVersion['ninjs'];
}

function revisionView(r: VersionRevision): RevisionView {
  return {
    contentHash: r.contentHash,
    ...(r.storedAt ? { storedAt: new Date(r.storedAt).toISOString() } : {}),
    supersededAt: new Date(r.supersededAt).toISOString(),
    ...(r.ninjs ? { article: r.ninjs as StoredVersion['ninjs'] } : {}),
  };
}

export interface VersionList {
  uri: string;
  items: VersionView[];
}

/** GET /v1/articles/{id}: the current version of a story. */
@Injectable()
export class GetArticle {
  constructor(private readonly articles: ArticleRepository) {}

  execute(uri: string): Promise<StoredArticle | null> {
    return this.articles.findByUri(uri);
  }
}

/** GET /v1/articles/{id}/versions: every stored version, oldest first. */
@Injectable()
export class ListArticleVersions {
  constructor(private readonly articles: ArticleRepository) {}

  async execute(uri: string): Promise<VersionList | null> {
    const versions = await this.articles.listVersions(uri);
    if (versions.length === 0) return null;
    return {
      uri,
      items: versions.map((v) => ({
        version: v.version,
        ...(v.versionLabel !== undefined ? { versionLabel: v.versionLabel } : {}),
        versionCreated: new Date(v.versionCreated).toISOString(),
        pubStatus: v.pubStatus,
        originalPubStatus: v.originalPubStatus,
        contentHash: v.contentHash,
        ...(v.ingest?.ingestId ? { ingestId: v.ingest.ingestId } : {}),
        ...(v.ingest?.source ? { source: v.ingest.source } : {}),
        ...(v.ingest?.channel ? { channel: v.ingest.channel } : {}),
        ...(v.ingest?.receivedAt ? { receivedAt: new Date(v.ingest.receivedAt).toISOString() } : {}),
        storedAt: new Date(v.storedAt).toISOString(),
        article: v.ninjs,
        ...(v.revisedAt ? { revisedAt: new Date(v.revisedAt).toISOString() } : {}),
        ...(v.revisions?.length ? { revisions: v.revisions.map(revisionView) } : {}),
      })),
    };
  }
}
