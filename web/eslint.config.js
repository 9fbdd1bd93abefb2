// Lint rules for the web UI. Besides the usual TypeScript and React hooks checks, a small local
// rule keeps the bulletproof-react layers: a feature never imports another feature, and shared
// code (components, hooks, lib, types, locales) never imports a feature or the app.
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const srcDir = path.resolve(import.meta.dirname, 'src');
const sharedLayers = new Set(['components', 'config', 'hooks', 'lib', 'types', 'locales']);

// "features/orgs/..." -> ["features", "orgs"]; "lib/x" -> ["lib"]; outside src -> null.
function layerOf(file) {
  const relative = path.relative(srcDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return parts[0] === 'features' ? ['features', parts[1]] : [parts[0]];
}

const layersRule = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{from}} may not import {{to}}' } },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      let target;
      if (spec.startsWith('@/')) target = path.join(srcDir, spec.slice(2));
      else if (spec.startsWith('.')) target = path.resolve(path.dirname(context.filename), spec);
      else return;
      const to = layerOf(target);
      if (!to) return;
      const crossFeature = from[0] === 'features' && to[0] === 'features' && from[1] !== to[1];
      const sharedUp = sharedLayers.has(from[0]) && (to[0] === 'features' || to[0] === 'app');
      const featureToApp = from[0] === 'features' && to[0] === 'app';
      if (crossFeature || sharedUp || featureToApp) {
        context.report({
          node,
          messageId: 'bad',
          data: { from: from.join('/'), to: to.join('/') },
        });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, chibo: { rules: { layers: layersRule } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'chibo/layers': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
