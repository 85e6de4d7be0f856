import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Renderer units opt into jsdom with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/support/globalSetup.ts'],
  },
});
