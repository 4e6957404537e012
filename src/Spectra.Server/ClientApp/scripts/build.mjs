// Builds the browser client into ../wwwroot/dist:
// - every src/*.js entry as an ES module (ES2020, minified, source maps), with shared code and lazily
//   imported code (the FLV player) split into hashed chunks;
// - src/head/theme.js as a classic script: it runs in <head> before the first paint;
// - styles/site.css, the one stylesheet, with the emoji font it references;
// - a .br and a .gz copy of every script and stylesheet, served in place of the original when the
//   browser accepts them (see Infrastructure/PrecompressedStaticFiles.cs).
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, '..', 'wwwroot', 'dist');
const common = { bundle: true, target: 'es2020', minify: true, sourcemap: true, logLevel: 'warning' };

rmSync(outdir, { recursive: true, force: true });

const entries = readdirSync(path.join(root, 'src'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(root, 'src', f));

await build({ ...common, entryPoints: entries, outdir, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, entryPoints: [path.join(root, 'src', 'head', 'theme.js')], outdir, format: 'iife' });
await build({
  ...common,
  entryPoints: [path.join(root, 'styles', 'site.css')],
  outdir,
  loader: { '.woff2': 'file' },
  assetNames: 'fonts/[name]-[hash]',
});

for (const file of walk(outdir)) {
  if (!/\.(js|css)$/.test(file)) continue;
  const data = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
