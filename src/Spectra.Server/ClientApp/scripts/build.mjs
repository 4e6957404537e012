// Bundles every src/*.js entry into ../wwwroot/dist/<name>.js (ES2020, minified, with source maps).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entries = readdirSync(path.join(root, 'src'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(root, 'src', f));

await build({
  entryPoints: entries,
  outdir: path.join(root, '..', 'wwwroot', 'dist'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  logLevel: 'info',
});
