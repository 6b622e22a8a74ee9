// ESLint flat config: typescript-eslint, Lit and web-component rules, and the
// project's security rules made mechanical (see DESIGN.md, "Security").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** Raw-HTML sinks and browser storage: forbidden in library code. */
export const securityRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: 'Render API data as text; raw HTML is forbidden in src/.' },
        { name: 'lit/directives/unsafe-svg.js', message: 'Raw SVG is forbidden in src/.' },
        {
          name: 'lit-html/directives/unsafe-html.js',
          message: 'Render API data as text; raw HTML is forbidden in src/.',
        },
        { name: 'lit-html/directives/unsafe-svg.js', message: 'Raw SVG is forbidden in src/.' },
      ],
      patterns: [
        { group: ['**/unsafe-html*', '**/unsafe-svg*'], message: 'Raw HTML/SVG directives are forbidden in src/.' },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "ImportSpecifier[imported.name='unsafeCSS']",
      message: 'unsafeCSS is forbidden in src/: styles are static css``.',
    },
    {
      selector: 'ImportSpecifier[imported.name=/^unsafe(HTML|SVG|Static)$/]',
      message: 'Raw HTML is forbidden in src/.',
    },
    {
      selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
      message: 'innerHTML/outerHTML is forbidden in src/: use lit bindings.',
    },
    {
      selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
      message: 'insertAdjacentHTML is forbidden in src/.',
    },
    {
      selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
      message: 'document.write is forbidden in src/.',
    },
    {
      selector: 'Identifier[name=/^(localStorage|sessionStorage|indexedDB)$/]',
      message: 'Browser storage is forbidden in src/: tokens and data live in memory only.',
    },
    {
      selector: "MemberExpression[object.name='document'][property.name='cookie']",
      message: 'Cookies are forbidden in src/.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'demo/public/bundle/**',
      'types/**',
      'node_modules/**',
      'coverage/**',
      'src/locales/**',
      'bench/.results/**',
      '**/*.d.ts',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: securityRestrictions,
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
