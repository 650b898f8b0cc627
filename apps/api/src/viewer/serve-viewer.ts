import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

interface Routes {
  get(path: string, handler: (req: unknown, res: ViewerResponse) => void): void;
  use(handler: (req: { method: string; path: string }, res: ViewerResponse, next: () => void) => void): void;
}
interface ViewerResponse {
  status(n: number): { type(t: string): { send(b: string): void } };
  sendFile(path: string, options: { maxAge: number; lastModified: boolean }): void;
}

/**
 * Serves the built web viewer at `/`. Its assets carry a content hash in their names, so they are
 * cached for good; the page itself is revalidated. Without a build, `/` says how to make one.
 *
 * Only `/assets/…` and the page's own paths touch the disk: a static handler mounted at the root
 * would look for a file on every API request first, a `stat` on the thread pool each time.
 */
export function serveViewer(app: NestExpressApplication, viewerDir: string): boolean {
  const routes = app.getHttpAdapter().getInstance() as Routes;
  const page = join(viewerDir, 'index.html');
  const built = existsSync(page);
  if (built) {
    app.useStaticAssets(join(viewerDir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', index: false });
    // the page's paths, not every path: API requests go on without a look at the disk
    routes.use((req, res, next) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && (req.path === '/' || req.path === '/index.html'))
        res.sendFile(page, { maxAge: 0, lastModified: true });
      else next();
    });
    return true;
  }
  routes.get('/', (_req, res) =>
    res
      .status(503)
      .type('text/plain')
      .send(
        `The web viewer is not built: run \`npm run build\` (it looks in ${viewerDir}). The API is served as usual; see /docs.\n`,
      ),
  );
  return false;
}
