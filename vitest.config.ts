import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/whole-catalogue.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
