#!/usr/bin/env node
// The `sikoe` command. It runs a bundle of src/ (dist/sikoe.mjs) because loading one file starts far faster than
// compiling the TypeScript sources on every start; the bundle is rebuilt here whenever a source file is newer.
// Pure-JavaScript libraries loaded at every start go into the bundle too (hundreds of files fewer to find and load);
// everything else stays in node_modules: native addons, WebAssembly, packages that read their own files, and
// whatever is loaded only on first use.
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

const bundled = new Set([
  'fastify',
  'fastify-type-provider-zod',
  'zod',
  'drizzle-orm',
  'pino',
  'prom-client',
  'i18next',
  'preact',
  'preact-render-to-string',
  'commander',
  'otpauth',
  'altcha-lib',
  '@fastify/busboy',
  '@fastify/compress',
  '@fastify/cookie',
  '@fastify/csrf-protection',
  '@fastify/formbody',
  '@fastify/helmet',
  '@fastify/rate-limit',
  '@fastify/static',
  '@fastify/swagger',
]);
const neverBundled = new Set(['@electric-sql/pglite', 'pg', 'pg-native', 'argon2', 'esbuild']);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const choosePackages = {
  name: 'choose-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = packageOf(args.path);
      if (neverBundled.has(name)) return { external: true };
      // A bundled library's own dependencies come along; from our sources only the listed libraries do.
      const fromLibrary = args.importer.includes(`${path.sep}node_modules${path.sep}`);
      return fromLibrary || bundled.has(name) ? undefined : { external: true };
    });
  },
};

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
const newest = newestSource(path.join(root, 'src'));
// The bundle's date is set from a Date (whole milliseconds) and the file system hands it back as a float that may
// lose a little more (…740.999 for …741): only a source more than a millisecond newer counts, or every start would
// rebuild.
if (newest - built > 1) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'src', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [choosePackages],
    // Bundled CommonJS libraries call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __sikoeRequire } from 'node:module'; const require = __sikoeRequire(import.meta.url);",
    },
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
