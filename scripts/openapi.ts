// Writes the OpenAPI document the routes' zod schemas generate to docs/openapi.json, or with --check exits non-zero
// when the committed document differs (CI), so an API change is always a visible change in review.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';

const file = path.join(import.meta.dirname, '..', 'docs', 'openapi.json');
const check = process.argv.includes('--check');

const database = await openDatabase({ kind: 'pglite' });
await database.migrate();
const app = await buildApp(loadConfig({}, { publicUrl: 'https://sikoe.example' }), database, {
  logStream: { write: () => true },
});
await app.ready();
const generated = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();
await database.close();

if (!check) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} else if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== generated) {
  console.error('docs/openapi.json is not what the routes generate: run `npm run openapi` and commit the result');
  process.exit(1);
} else {
  console.log('docs/openapi.json matches the routes');
}
