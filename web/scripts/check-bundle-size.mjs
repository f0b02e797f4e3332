/* global process, console */
// JavaScript per page, gzipped, from the Remix asset manifest of `npm run -w web build`: the entry, the root and
// the route modules with their imports and the route manifest ("initial"), plus every chunk those files can load later through a dynamic
// import() ("total"). DESIGN.md's budget is on the total: 120 kB per page, lazily loaded chunks included.
// Exits non-zero when any page's total is over the budget (`node scripts/check-bundle-size.mjs 100` for another).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(web, 'build/client');
if (!existsSync(join(web, 'build/server/index.js'))) {
  console.error('web/build is missing: run `npm run -w web build` first.');
  process.exit(2);
}
const { assets } = await import(pathToFileURL(join(web, 'build/server/index.js')).href);
const budget = Number(process.argv[2] ?? 120) * 1024;
const assetFiles = new Set(readdirSync(join(client, 'assets')).filter((file) => file.endsWith('.js')));

const sizes = new Map();
const gz = (url) => {
  if (!sizes.has(url)) sizes.set(url, gzipSync(readFileSync(join(client, url))).length);
  return sizes.get(url);
};

// Every other chunk a file names (static imports, dynamic import() and Vite's preload lists alike): over-counting
// a chunk that is never fetched is safe, missing one is not.
const references = new Map();
function referencedBy(url) {
  if (!references.has(url)) {
    const source = readFileSync(join(client, url), 'utf8');
    const found = new Set();
    for (const match of source.matchAll(/["'`](?:\.\/|\/?assets\/)?([\w.-]+\.js)["'`]/g)) {
      if (assetFiles.has(match[1]) && `/assets/${match[1]}` !== url) found.add(`/assets/${match[1]}`);
    }
    references.set(url, [...found]);
  }
  return references.get(url);
}

function closure(start) {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const next of referencedBy(queue.pop())) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function files(id) {
  const route = assets.routes[id];
  const own = route.module ? [route.module, ...(route.imports ?? [])] : [];
  return route.parentId ? [...files(route.parentId), ...own] : own;
}

const sum = (urls) => [...urls].reduce((total, url) => total + gz(url), 0);
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

let failed = false;
let largest = 0;
for (const id of Object.keys(assets.routes).filter((id) => id.startsWith('routes/')).sort()) {
  const initial = new Set([assets.entry.module, ...assets.entry.imports, ...files(id)]);
  const all = closure(initial);
  // The route manifest (window.__remixManifest) is a script every page loads too; its references are other
  // pages' modules, so it is counted but not followed.
  const total = sum(all) + gz(assets.url);
  largest = Math.max(largest, total);
  const over = total > budget;
  if (over) failed = true;
  const lazy = all.size - initial.size;
  console.log(`${id.padEnd(36)} initial ${kB(sum(initial) + gz(assets.url)).padStart(9)}  total ${kB(total).padStart(9)}${lazy ? ` (${lazy} lazy chunk${lazy > 1 ? 's' : ''})` : ''}${over ? '  OVER BUDGET' : ''}`);
}
console.log(`largest page ${kB(largest)} of a ${kB(budget)} budget`);
process.exit(failed ? 1 : 0);
