import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The API serves the built files at /app/ from its own origin (one port, one origin: the only host the
// front-end ever talks to). In development Vite forwards the API's paths to a running API.
const api = process.env.QADAM_API ?? 'http://127.0.0.1:5000';
const apiPaths = ['/api', '/connect', '/account', '/.well-known', '/signin'];

// OpenIddict redirects to <origin>/signin-callback (src/Api/Features/Identity/OidcClients.cs); in development the
// Vite server answers that path with the app itself, as the API does in production.
const signinCallback: Plugin = {
  name: 'qadam-signin-callback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/signin-callback')) {
        req.url = '/app/' + req.url.slice(1).replace(/^signin-callback/, 'index.html');
      }
      next();
    });
  },
};

// Brotli and gzip copies beside each text file of dist/ (node:zlib, no plugin): the API sends the one a browser accepts
// (src/Api/Hosting/FrontEnd.cs), so the 2.7 MB of scripts travel as about a quarter of that.
const precompress: Plugin = {
  name: 'qadam-precompress',
  apply: 'build',
  closeBundle() {
    const walk = (directory: string): string[] => readdirSync(directory).flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
    for (const file of walk('dist').filter((path) => /\.(js|css|html|svg|json|txt)$/.test(path))) {
      const content = readFileSync(file);
      if (content.length < 1024) {
        continue;
      }
      writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    }
  },
};

export default defineConfig({
  plugins: [signinCallback, precompress],
  base: '/app/',
  // One preact for the form viewer and the form editor: the editor pins an older copy for itself, and components of two
  // preact copies in one tree lose their hooks. The viewer's copy (the newer) serves both.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js and the properties panel are large; one chunk per screen family keeps first load small enough.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
