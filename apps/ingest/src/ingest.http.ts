import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** ingest's OpenAPI (POST /v1/wire and, when on, /v1/sources): the UI at /docs, the document at /docs-json. */
export function configureIngestHttp(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Wiredesk ingest')
    .setDescription(
      'Raw wire copy in (POST /v1/wire) and the scheduled sources the poller reads (/v1/sources). Errors are RFC 9457 ' +
        'application/problem+json with a stable `code`. With API_KEYS set, these routes need the `write` scope.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'apiKey')
    .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
    .addSecurityRequirements('apiKey')
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
