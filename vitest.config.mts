import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tests run the libraries' TypeScript sources: each package's exports name them under this condition. */
const conditions = ['@timeline/source', ...defaultServerConditions];

const ROOTS = ['libs', 'apps', 'test'];
const filesOfLevel = (level: string) => ROOTS.map((root) => `${root}/**/*.${level}.test.ts`);

/**
 * A test file names its level, and the level says what the test may touch:
 * - `.unit.test.ts`: one process, no database, no Redis, no network, no child process, no browser.
 *   Plain functions over data; reading files of the repository (sources, fixtures) or writing
 *   one temporary file is allowed.
 * - `.int.test.ts`: several parts wired together in one process over a real adapter: a real
 *   store (an SQLite file, the memory store behind the application), real Redis, the campaign files.
 * - `.e2e.test.ts`: through the shell: the HTTP app, sockets, child processes, the browser.
 * A `.test.ts` without a level belongs to no project and runs nowhere; test/architecture fails on it.
 */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: ['unit', 'int', 'e2e'].map((level) => ({
      extends: true,
      test: { name: level, include: filesOfLevel(level) },
    })),
  },
});
