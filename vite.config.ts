import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { servePrerendered } from './src/prerender/servePrerendered.ts';

export default defineConfig({
  plugins: [react(), servePrerendered()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
  },
});
