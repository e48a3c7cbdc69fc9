import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The bench file whose `import.meta.url` is given, bundled by esbuild for a server worker thread, as `npm start` runs
 * the sources (see bin/sikoe.js), rather than through tsx, whose loader keeps every transpiled file and its source
 * map in the heap. Written inside the project's dist/ (not committed), where the server finds its files and packages,
 * and removed when the process exits.
 */
export async function bundleSelf(metaUrl: string, name: string): Promise<string> {
  const entry = fileURLToPath(metaUrl);
  const outfile = path.join(path.dirname(entry), '..', 'dist', `bench-${name}-${process.pid}.mjs`);
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  return outfile;
}
