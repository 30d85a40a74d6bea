// typescript-eslint's recommended rules for the server code, the tests and the benchmarks; formatting is
// prettier's job (.prettierrc.json), so the only stylistic rule is the 120-column limit for what prettier does not
// wrap (comments). The Svelte app is type-checked by svelte-check.
import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'web/app/', 'loadtest/k6/', 'test-artifacts/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Strings, templates, URLs and regular expressions may run long: breaking them would hurt more than it helps.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
)
