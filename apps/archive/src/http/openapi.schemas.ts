import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** OpenAPI schemas of the archive's responses (the ninjs document itself is specified by IPTC). */
export const NinjsSchema: SchemaObject = {
  type: 'object',
  description:
    'An IPTC ninjs 3.1 document (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json), or the selected fields of it.',
  required: ['uri'],
  properties: {
    uri: { type: 'string', format: 'uri' },
    version: { type: 'string' },
    versionCreated: { type: 'string', format: 'date-time' },
    pubStatus: { type: 'string', enum: ['usable', 'withheld', 'canceled'] },
    language: { type: 'string' },
    headlines: { type: 'array', items: { type: 'object' } },
    bodies: { type: 'array', items: { type: 'object' } },
  },
  additionalProperties: true,
};

export const ArticleListSchema: SchemaObject = {
  type: 'object',
  required: ['items', 'next'],
  properties: {
    items: { type: 'array', items: NinjsSchema },
    next: { type: 'string', nullable: true, description: 'cursor of the next page, null on the last page' },
  },
};

export const VersionListSchema: SchemaObject = {
  type: 'object',
  required: ['uri', 'items'],
  properties: {
    uri: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'versionCreated', 'pubStatus', 'originalPubStatus', 'contentHash', 'storedAt', 'article'],
        properties: {
          version: { type: 'integer' },
          versionLabel: { type: 'string' },
          versionCreated: { type: 'string', format: 'date-time' },
          pubStatus: { type: 'string', enum: ['usable', 'withheld', 'canceled'] },
          originalPubStatus: { type: 'string', enum: ['usable', 'withheld', 'canceled'] },
          contentHash: { type: 'string' },
          ingestId: { type: 'string' },
          source: { type: 'string' },
          channel: { type: 'string' },
          receivedAt: { type: 'string', format: 'date-time' },
          storedAt: { type: 'string', format: 'date-time' },
          article: NinjsSchema,
          revisedAt: {
            type: 'string',
            format: 'date-time',
            description: 'when a replay through an improved pipeline last re-derived this version',
          },
          revisions: {
            type: 'array',
            description: 'earlier derivations of this version (oldest first), superseded by replays',
            items: {
              type: 'object',
              required: ['contentHash', 'supersededAt'],
              properties: {
                contentHash: { type: 'string' },
                storedAt: { type: 'string', format: 'date-time' },
                supersededAt: { type: 'string', format: 'date-time' },
                article: NinjsSchema,
              },
            },
          },
        },
      },
    },
  },
};

export const TagListSchema: SchemaObject = {
  type: 'object',
  required: ['kind', 'since', 'until', 'items'],
  properties: {
    kind: { type: 'string', enum: ['people', 'organisations', 'places', 'subjects'] },
    since: { type: 'string', format: 'date-time' },
    until: { type: 'string', format: 'date-time' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['count'],
        properties: { name: { type: 'string' }, uri: { type: 'string' }, count: { type: 'integer' } },
      },
    },
  },
};

export const RawMetaSchema: SchemaObject = {
  type: 'object',
  required: ['ingestId', 'size', 'sha256', 'headers', 'receivedAt', 'storage'],
  properties: {
    ingestId: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    headers: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } },
    },
    receivedAt: { type: 'string', format: 'date-time' },
    source: { type: 'string' },
    channel: { type: 'string' },
    contentType: { type: 'string' },
    filename: { type: 'string' },
    storage: { type: 'string', enum: ['inline', 'gridfs'] },
  },
};

export const ProblemSchema: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'stable error code, e.g. INVALID_PARAMETER, NOT_FOUND' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { parameter: { type: 'string' }, detail: { type: 'string' } } },
    },
  },
};
