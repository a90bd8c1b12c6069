import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // pdf.js and LibreOffice-made fixtures are heavy; two cores on CI.
    pool: 'forks',
  },
});
