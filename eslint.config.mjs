// Lint rules that keep the layers apart: src/core never imports vscode, the CLI or Node built-ins (bar the
// adapters listed below), and each core folder imports only the folders beneath it (CORE_LAYERS).
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/core, bottom first. A folder may import any folder listed before it (lower layers, and
 * earlier folders of its own layer), never one after it: so the folders cannot import each other in a loop.
 */
const CORE_LAYERS = [
  // Foundation: the file-system port, the git executor, the record model and its Markdown/YAML/date helpers.
  ['store', 'git', 'records', 'input'],
  // Domains: one kind of record each, read and written.
  ['decisions', 'design', 'people', 'activities', 'pulls'],
  // The index of every record under a root.
  ['index'],
  // What is built from the records: lists for views, search, reminders, influence reports, lint, governance, the site.
  ['listing', 'search', 'reminders', 'influence', 'lint', 'governance', 'site'],
];

/** The only core modules that touch Node directly: the adapters behind the ports. */
const NODE_ADAPTERS = [
  'src/core/store/nodeFileSystem.ts',
  'src/core/index/recordCacheFile.ts',
  'src/core/store/recordWriter.ts',
  'src/core/git/gitExecutor.ts',
  'src/core/pulls/nodeGitConfigFiles.ts',
  'src/core/site/siteServer.ts',
  'src/core/site/siteWriter.ts',
  'src/core/site/siteWorker.ts',
  'src/core/site/siteRenderWorker.ts',
];

const noVscode = { name: 'vscode', message: 'src/core must not depend on VS Code: put adapters in src/vscode.' };
const nodeBuiltins = builtinModules
  .filter((m) => !m.startsWith('_'))
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'Node built-ins belong in the adapters (store/nodeFileSystem, git/gitExecutor, …): take a port instead.' }));
const outerLayers = { group: ['../../vscode', '../../vscode/*', '../../cli', '../../cli/*'], message: 'src/core is beneath src/vscode and src/cli.' };
const order = CORE_LAYERS.flat();
const unplaced = readdirSync(new URL('./src/core', import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory() && !order.includes(e.name));
if (unplaced.length > 0) throw new Error(`src/core/${unplaced[0].name} is in no layer: add it to CORE_LAYERS in eslint.config.mjs.`);

/** One override per core folder: everything above it (and the outer layers) is off limits. */
function coreFolderRules(folder, allowNode) {
  const above = order.slice(order.indexOf(folder) + 1);
  const patterns = [outerLayers];
  if (above.length > 0) {
    patterns.push({
      group: above.flatMap((f) => [`../${f}`, `../${f}/*`]),
      message: `src/core/${folder} may only import folders beneath it (${order.slice(0, order.indexOf(folder)).join(', ') || 'none'}); see CORE_LAYERS in eslint.config.mjs.`,
    });
  }
  return { 'no-restricted-imports': ['error', { paths: allowNode ? [noVscode] : [noVscode, ...nodeBuiltins], patterns }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A core file outside every known folder still may not import vscode or Node.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, ...nodeBuiltins], patterns: [outerLayers] }] },
  },
  ...order.map((folder) => ({ files: [`src/core/${folder}/**/*.ts`], ignores: NODE_ADAPTERS, rules: coreFolderRules(folder, false) })),
  ...order
    .map((folder) => ({ files: NODE_ADAPTERS.filter((f) => f.startsWith(`src/core/${folder}/`)), rules: coreFolderRules(folder, true) }))
    .filter((c) => c.files.length > 0),
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
          patterns: [{ group: ['../vscode', '../vscode/*'], message: 'The CLI runs without VS Code: share code through src/core.' }],
        },
      ],
    },
  },
);
