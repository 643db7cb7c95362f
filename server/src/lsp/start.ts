// What `dist/server.js` runs: the language server's bundle (dist/server-main.js, built from main.ts),
// its compiled code kept between starts (node/code-cache.ts): ready sooner after the editor spawns it.
import * as path from 'node:path';
import { runWithCodeCache } from '../node/code-cache';

// The cache is written a few seconds in, not at once: it then holds the code that answered the editor's
// first requests too, and the first start after a build is not held up writing it (20–30 ms measured).
// A server stopped before then (a short session, a test's) writes it as it exits.
const writeDelayMs = 3000;
runWithCodeCache(path.join(__dirname, 'server-main.js'), {
  whenToWrite: (write) => {
    let written = false;
    const writeOnce = (): void => {
      if (written) return;
      written = true;
      write();
    };
    setTimeout(writeOnce, writeDelayMs).unref();
    process.once('exit', writeOnce);
  },
});
