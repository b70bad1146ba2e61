import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The staff console (web/) is built into dist/web and served by the API server: the page at /staff/*
// (SPA fallback to index.html), its assets at /assets/*. In development `npx vite` proxies /api to the
// server on port 3000 (API_PROXY=http://localhost:3100 to use another one).
// A second, small page is built beside it: the public progress page (web/progress.html, served at /progress),
// plain React without the console's libraries, for villagers' phones on slow networks.
// A third, the village agent console (web/agent.html, served at /agent), is built the same way for agents' phones.
// The public site (web/site.html, served at /, /items/* and /categories/*): 办事指南 for villagers' phones, same way.
const apiTarget = process.env.API_PROXY ?? 'http://localhost:3000';

const page = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url));

// The agent app's JSX goes through web/src/agent/jsx-runtime.ts: plain ES bindings instead of calls into React's
// CommonJS runtime, some 4 KB less of the phone's 300 KB budget (the file says why). Builds only; dev uses jsx-dev-runtime.
const agentJsx = page('src/agent/jsx-runtime.ts');
const agentJsxRuntime: Plugin = {
  name: 'agent-jsx-runtime',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'react/jsx-runtime' && importer && importer !== agentJsx && importer.startsWith(page('src/agent/'))) return agentJsx;
    return null;
  },
};

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react(), agentJsxRuntime],
  // the three apps (console, agent, public) and what they share; the server's pure rules under @domain
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./web/src/shared', import.meta.url)),
      '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
      '@': fileURLToPath(new URL('./web/src/console', import.meta.url)),
    },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Every browser the field uses (Chrome and Android WebView since 2018) preloads modules itself; the polyfill would
    // cost each page about 0.7 KB, which the agent app's phone budget (300 KB) cannot spare. Without it a browser
    // lacking modulepreload still loads every module, only without fetching them ahead.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { main: page('index.html'), progress: page('progress.html'), agent: page('agent.html'), hall: page('hall.html'), complaint: page('complaint.html'), open: page('open.html'), site: page('site.html'), account: page('account.html') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget },
  },
});
