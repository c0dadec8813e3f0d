import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server serves `dist/` and falls back to index.html for client routes.
// In development, Vite serves the app and forwards API calls to the server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false, ws: true } },
  },
});
