// Bundles the language server, the CLI and the VS Code client into dist/ with esbuild.
// Type-checking is tsc's job (`tsc -b` runs first in `npm run build`); this only bundles.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Minified: the .vsix and the npm package ship these files; the source maps stay beside them.
  minify: true,
  logLevel: 'warning',
};

await Promise.all([
  // dist/server.js and dist/cli.js are small starters that run the bundles beside them with V8's code
  // cache (server/src/node/code-cache.ts); the bundles must be files of their own for that.
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/start.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, entryPoints: ['server/src/cli/start.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
