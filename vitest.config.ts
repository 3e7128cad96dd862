import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Child-process and HTTP tests share ports and temp dirs safely; keep files in separate forks.
    pool: 'forks',
  },
});
