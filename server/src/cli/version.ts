// The version printed by --version: read from the package.json above this file, which works
// from the bundle (dist/cli.js) and from tsc's output (out/server/src/cli/) alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageVersion(): string {
  let folder = __dirname;
  for (;;) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'resolint' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no manifest here: keep walking up
    }
    const parent = path.dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}
