/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Shared chunks are named after what most of their modules are (antd's table, picker, ...)
// rather than after whichever module the bundler saw first, so the build report reads sensibly.
const fixedNames = new Set(['react', 'echarts', 'libs']);

function moduleLabel(id: string): string {
  const antd = /node_modules[\\/]antd[\\/]es[\\/]([^\\/]+)/.exec(id);
  if (antd) return `antd-${antd[1].replace(/^_/, '')}`;
  const rc = /node_modules[\\/]@(?:rc-component|ant-design)[\\/]([^\\/]+)/.exec(id);
  if (rc) return `rc-${rc[1]}`;
  const other = /node_modules[\\/](@[^\\/]+[\\/])?([^\\/]+)/.exec(id);
  return other ? other[2] : 'app';
}

function chunkLabel(chunk: {
  name: string;
  moduleIds: readonly string[];
  isDynamicEntry: boolean;
}) {
  if (chunk.isDynamicEntry || fixedNames.has(chunk.name)) return chunk.name;
  const counts = new Map<string, number>();
  const labels = chunk.moduleIds.map(moduleLabel);
  // antd's own component folders name a chunk better than the small rc-* helpers inside it.
  const preferred = labels.some(
    (label) => label.startsWith('antd-') && !label.startsWith('antd-util'),
  )
    ? labels.filter((label) => /^antd-/.test(label))
    : labels;
  for (const label of preferred) counts.set(label, (counts.get(label) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return !top || top[0] === 'app' ? chunk.name : top[0];
}

// During `npm run dev` the API comes from a running `chibo serve` (CHIBO_API, default :18180).
const api = process.env.CHIBO_API ?? 'http://127.0.0.1:18180';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => `assets/${chunkLabel(chunk)}-[hash].js`,
        // Name the big third-party pieces; everything else is split by route automatically.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            {
              name: 'libs',
              test: /node_modules[\\/](i18next|react-i18next|@tanstack|html-parse-stringify|void-elements)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
