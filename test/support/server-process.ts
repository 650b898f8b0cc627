import { execFileSync } from 'node:child_process';
export { startServerProcess, type ServerProcess } from '../../bench/server-process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

/** Compiles the service once if `dist/` is missing or older than any source under test. */
export function ensureBuilt(): void {
  const stale = !existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(['apps', 'libs'].map((d) => join(ROOT, d)));
  if (stale)
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', join(ROOT, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
}

function newestSource(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
