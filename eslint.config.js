import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'coverage', 'node_modules', 'test-results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is plain TypeScript: it runs in the page, in workers, in Node and in benchmarks.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react',
            'react-dom',
            'react-dom/client',
            'react-router',
            'react-router-dom',
            'zustand',
            'zod',
          ].map((name) => ({
            name,
            message: 'The engine must not depend on UI, routing, state or schema libraries.',
            allowTypeImports: false,
          })),
          patterns: [
            {
              group: ['zustand/*', 'react/*', '**/ui/*', '**/routes/*', '**/store/*', '**/app/*'],
              message: 'The engine must stay independent of the shell.',
            },
          ],
        },
      ],
    },
  },
)
