import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'app/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Each file starts its own `next start`; one at a time keeps timings honest on two cores.
        test: {
          name: 'integration',
          include: ['e2e/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
