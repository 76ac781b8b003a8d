import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '@wiredesk/platform';

export const OPENAPI_PATH = 'docs';

/** The archive's OpenAPI document, generated from the controllers' decorators. */
export function archiveOpenApi(app: INestApplication): OpenAPIObject {
  return openApiDocument(
    app,
    'Wiredesk archive',
    'Query API over the archived news-wire stories: IPTC ninjs 3.1 documents, every version kept, kills applied. ' +
      'Errors are RFC 9457 application/problem+json with a stable `code`. GET responses carry a strong ETag; send ' +
      'it back in If-None-Match to get 304 when nothing changed. With API_KEYS set, a key with the `read` scope.',
  );
}

/**
 * What the archive adds to the service app before it listens: strong ETags, the OpenAPI UI at /docs and the document
 * at /docs-json (and /docs-yaml).
 */
export function configureArchiveHttp(app: INestApplication): void {
  // the ETag generator of every response body (respond.ts evaluates If-None-Match against it)
  (app as NestExpressApplication).set('etag', 'strong');
  SwaggerModule.setup(OPENAPI_PATH, app, () => archiveOpenApi(app), {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
    yamlDocumentUrl: `${OPENAPI_PATH}-yaml`,
  });
}
