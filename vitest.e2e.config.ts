import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
  },
});
