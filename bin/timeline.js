#!/usr/bin/env node
// The command-line tool; `npm run build` (or `npm start`) compiles it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const main = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('timeline: not built yet; run `npm run build` first\n');
  process.exit(1);
}
require(main);
