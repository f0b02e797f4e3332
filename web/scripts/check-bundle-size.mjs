/* global process, console */
// JavaScript per page, gzipped, from the Remix asset manifest of `npm run -w web build`: entry + root + the route
// and their imports ("initial"), plus the client validation chunk loaded after hydration on pages with forms
// ("with validation"). Exits non-zero when a page's initial JavaScript is over the budget (120 kB by default).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const { assets } = await import(pathToFileURL(join(web, 'build/server/index.js')).href);
const budget = Number(process.argv[2] ?? 120) * 1024;
const gz = (url) => gzipSync(readFileSync(join(web, 'build/client', url))).length;
const validation = readdirSync(join(web, 'build/client/assets'))
  .filter((file) => /^validators-.*\.js$/.test(file))
  .reduce((sum, file) => sum + gz(`/assets/${file}`), 0);

function files(id) {
  const route = assets.routes[id];
  const own = route.module ? [route.module, ...(route.imports ?? [])] : [];
  return route.parentId ? [...files(route.parentId), ...own] : own;
}

let failed = false;
for (const id of Object.keys(assets.routes).filter((id) => id.startsWith('routes/'))) {
  const set = new Set([assets.entry.module, ...assets.entry.imports, ...files(id)]);
  const initial = [...set].reduce((sum, url) => sum + gz(url), 0);
  const hasForm = [...set].some((url) => url.includes('use-validator'));
  if (initial > budget) failed = true;
  const total = hasForm ? `  with validation ${((initial + validation) / 1024).toFixed(1)} kB` : '';
  console.log(`${id.padEnd(36)} initial ${(initial / 1024).toFixed(1)} kB${total}`);
}
process.exit(failed ? 1 : 0);
