#!/usr/bin/env node
// The `sikoe` command. It runs a bundle of src/ (dist/sikoe.mjs) because loading one file starts far faster than
// compiling the TypeScript sources on every start; the bundle is rebuilt here whenever a source file is newer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'sikoe.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
const newest = newestSource(path.join(root, 'src'));
if (built < newest) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'src', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  // Several commands may start at once (CI, scripts): each writes a private file and renames it into place, so
  // none ever imports a half-written bundle. The bundle is dated like the newest source it was built from, so a
  // source saved during the build still counts as newer next time.
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const outputs = result.outputFiles;
  for (const output of [...outputs.filter((o) => o.path !== bundle), ...outputs.filter((o) => o.path === bundle)]) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output.contents);
    fs.utimesSync(temporary, new Date(), new Date(newest));
    fs.renameSync(temporary, output.path);
  }
}
await import(bundle);
