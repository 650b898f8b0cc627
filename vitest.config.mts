import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tests run the libraries' TypeScript sources: each package's exports name them under this condition. */
const conditions = ['@timeline/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['libs/**/*.test.ts', 'apps/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
