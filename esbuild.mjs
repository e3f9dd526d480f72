// Bundles the extension and the CLI with esbuild (npm run build; --production minifies for release). Type-checking is `tsc --noEmit` in `npm run lint`.
import * as esbuild from 'esbuild';
import * as fs from 'fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // dist/cli.js starts the bundle dist/lodestar-cli.js with V8's compiled code kept between runs (src/cli/launcher.ts).
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/launcher.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    external: ['./lodestar-cli.js'],
  }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/lodestar-cli.js' }),
  // `lodestar site build` renders Markdown in this worker thread while the CLI indexes.
  esbuild.build({ ...common, entryPoints: ['src/core/site/siteRenderWorker.ts'], outfile: 'dist/siteRenderWorker.js' }),
]);
// The CLI's bundles in ASCII: esbuild escapes other characters in strings but leaves them in regular expressions (the
// translated words dialects are read by), and one such character makes V8 keep the whole 1 MB source as two bytes a
// character. In a regular expression `\uXXXX` (a pair of them outside the BMP) means what the character did.
for (const file of ['dist/lodestar-cli.js', 'dist/siteRenderWorker.js']) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c, at) => {
    // `\é` would become `\\u00e9`, a backslash and letters: never written, and refused if it ever is.
    if (text[at - 1] === '\\') throw new Error(`${file}: a backslash before "${c}" at ${at}: write the character without it`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (ascii !== text) fs.writeFileSync(file, ascii);
}
// The CLI package carries mermaid's own build (MIT) for `lodestar site`'s diagrams; the .vsix leaves it out (.vscodeignore).
fs.copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/mermaid.min.js');
fs.copyFileSync('node_modules/mermaid/LICENSE', 'dist/mermaid.LICENSE');
console.log(`built dist/extension.js and dist/cli.js${production ? ' (minified)' : ''}`);
