import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Component tests (web/**/*.test.tsx) choose happy-dom in their first line; the rest stays on node.
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx', 'eslint-rules/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { TZ: 'UTC' },
    // `.only` fails the run on CI (.ci/run exports CI=true whoever runs it).
    allowOnly: !process.env.CI,
  },
});
