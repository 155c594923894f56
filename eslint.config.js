// The JavaScript lint gate (scripts/test runs it): ESLint's recommended rules on every script we
// write. Node scripts may reach into a page (Playwright's `page.evaluate` callbacks run there), so
// they see the browser's names as well as Node's; the scripts served to readers see only the
// browser's.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'node_modules/', 'target/', 'test-results/'] },
  js.configs.recommended,
  // `const { dropped, ...rest } = value` is how the scripts copy an object without a field.
  { rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
  {
    files: ['tests/**/*.mjs', 'bench/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['public/**/*.js'],
    ignores: ['public/sw.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['public/sw.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
];
