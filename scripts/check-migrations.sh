#!/usr/bin/env bash
# Fails when a schema.ts change has no migration: drizzle-kit generates from the schema into a copy of migrations/
# (inside the project, as drizzle-kit wants a relative folder), and anything but "no schema changes" fails, so an
# error fails too. The project's own migrations/ is never written.
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit check
copy=.migrations-check
rm -rf "$copy"
trap 'rm -rf "$copy"' EXIT
cp -r migrations "$copy"
out=$(npx drizzle-kit generate --dialect postgresql --schema './src/**/schema.ts' --out "$copy" --name schema_check 2>&1 || true)
if ! grep -q 'No schema changes' <<<"$out"; then
  echo "$out" >&2
  echo "schema.ts and migrations/ disagree; generate the migration with npm run db:generate and commit it" >&2
  exit 1
fi
echo "migrations match the schema"
