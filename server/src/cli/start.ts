// What `dist/cli.js` runs: the command line's bundle (dist/cli-main.js, built from main.ts), its
// compiled code kept between runs (node/code-cache.ts): a CI job's many short runs start sooner.
import * as path from 'node:path';
import { runWithCodeCache } from '../node/code-cache';

runWithCodeCache(path.join(__dirname, 'cli-main.js'));
