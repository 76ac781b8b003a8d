import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { openApiDocument } from '@wiredesk/platform';

/** ingest's OpenAPI (POST /v1/wire and, when on, /v1/sources): the UI at /docs, the document at /docs-json. */
export function configureIngestHttp(app: INestApplication): void {
  const document = () =>
    openApiDocument(
      app,
      'Wiredesk ingest',
      'Raw wire copy in (POST /v1/wire) and the scheduled sources the poller reads (/v1/sources). Errors are RFC 9457 ' +
        'application/problem+json with a stable `code`. With API_KEYS set, these routes need the `write` scope.',
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
