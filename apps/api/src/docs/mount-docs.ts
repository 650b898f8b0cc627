import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { asyncApiDocument } from './asyncapi';
import { openApiDocument } from './openapi';

/** Serves the API's documents: the OpenAPI page and JSON at /docs, the AsyncAPI JSON beside them. */
export function mountDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(), { jsonDocumentUrl: 'docs/openapi.json' });
  const asyncApi = asyncApiDocument();
  (
    app.getHttpAdapter().getInstance() as {
      get(path: string, handler: (req: unknown, res: { json(body: unknown): void }) => void): void;
    }
  ).get('/docs/asyncapi.json', (_req, res) => res.json(asyncApi));
}
