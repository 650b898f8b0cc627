import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { asyncApiDocument } from './asyncapi';
import { openApiDocument } from './openapi';
import { servedAddress } from './served-address';

/** The little of a request the AsyncAPI route reads: where the client says it reached the service, and where it did. */
interface DocsRequest {
  headers: { host?: string };
  socket: { localAddress?: string; localPort?: number };
}

/**
 * Serves the API's documents: the OpenAPI page and JSON at /docs, the AsyncAPI JSON beside them,
 * its socket servers at the host and port the request reached.
 */
export function mountDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(), { jsonDocumentUrl: 'docs/openapi.json' });
  (
    app.getHttpAdapter().getInstance() as {
      get(path: string, handler: (req: DocsRequest, res: { json(body: unknown): void }) => void): void;
    }
  ).get('/docs/asyncapi.json', (req, res) => {
    const address = servedAddress(req.headers.host, { address: req.socket.localAddress, port: req.socket.localPort });
    res.json(asyncApiDocument(address));
  });
}
