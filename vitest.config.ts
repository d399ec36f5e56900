import { defineConfig } from 'vitest/config';

// Tests import workspace packages through their `source` export condition, so they run
// against the TypeScript sources and need no build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
