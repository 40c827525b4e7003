import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
    globals: true,
    // A test that does a month of ingests in fake IndexedDB takes a second alone and can take five on a
    // machine busy with builds: the limit catches a hung test, not a slow one.
    testTimeout: 20_000,
  },
});
