// Lint, including the import rules of ARCHITECTURE.md §2: which room may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const rule = (regex, message) => ({ regex, message });
const NO_ELECTRON = rule('^electron(/|$)', 'Only src-main/electron and src-main/preload may import electron.');
const NO_RENDERER = rule('src-renderer', 'src-renderer is the UI: nothing else may import it.');
const NO_MAIN = rule('src-main', 'Only the shells of src-main may use the core; talk to it through the API.');
const NO_SERVER = rule('src-server', 'src-server is a separate deployable.');
const NO_SHELLS = rule('/(web|cli|electron|preload)/', 'The core must not depend on a shell.');
const NO_NODE = rule('^(node:|fs$|path$|os$|child_process$|better-sqlite3$)', 'This room runs in the browser too: no Node APIs.');
const NO_SERVICES_FROM_DB = rule('/services/', 'db/ is below services/: it must not import them.');
// core/ dispatches to the services; a service or db/ importing it would make the arrows run both ways.
const NO_WORKERS = rule('/workers/|src-main/workers', 'Worker threads are started by the core (core/session.ts), not by services or db/.');
const NO_CORE = rule('^(\\.\\./)+core(/|$)|src-main/core', 'Services and db/ sit below the core: they must not import src-main/core (the workspace handle is db/workspace.ts).');

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [NO_ELECTRON] }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_MAIN, NO_SERVER, NO_NODE),
  },
  {
    files: ['src-main/core/**', 'src-main/reports/**', 'src-main/sync/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_SERVER, NO_SHELLS),
  },
  {
    // The worker room sits between the core and the services: it runs services on its own thread.
    files: ['src-main/workers/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_SERVER, NO_SHELLS, NO_CORE),
  },
  {
    files: ['src-main/services/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_SERVER, NO_SHELLS, NO_CORE, NO_WORKERS),
  },
  {
    files: ['src-main/db/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_SERVER, NO_SHELLS, NO_SERVICES_FROM_DB, NO_CORE, NO_WORKERS),
  },
  {
    files: ['src-main/web/**', 'src-main/cli/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_SERVER, rule('/(electron|preload)/', 'Shells do not import each other.')),
  },
  {
    files: ['src-main/electron/**', 'src-main/preload/**'],
    rules: restrict(NO_RENDERER, NO_SERVER, rule('/(web|cli)/', 'Shells do not import each other.')),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(NO_ELECTRON, NO_MAIN, NO_SERVER, NO_NODE),
    },
  },
  {
    files: ['src-server/**'],
    rules: restrict(NO_ELECTRON, NO_RENDERER, NO_MAIN),
  },
);
