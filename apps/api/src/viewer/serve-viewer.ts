import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Serves the built web viewer at `/`. Its assets carry a content hash in their names, so they are
 * cached for good; the page itself is revalidated. Without a build, `/` says how to make one.
 */
export function serveViewer(app: NestExpressApplication, viewerDir: string): boolean {
  const built = existsSync(join(viewerDir, 'index.html'));
  if (built) {
    app.useStaticAssets(join(viewerDir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', index: false });
    app.useStaticAssets(viewerDir, { index: 'index.html', maxAge: 0 });
    return true;
  }
  const express = app.getHttpAdapter().getInstance() as {
    get(
      path: string,
      handler: (req: unknown, res: { status(n: number): { type(t: string): { send(b: string): void } } }) => void,
    ): void;
  };
  express.get('/', (_req, res) =>
    res
      .status(503)
      .type('text/plain')
      .send(
        `The web viewer is not built: run \`npm run build\` (it looks in ${viewerDir}). The API is served as usual; see /docs.\n`,
      ),
  );
  return false;
}
