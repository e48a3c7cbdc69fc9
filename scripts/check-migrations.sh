#!/usr/bin/env bash
# Fails when a schema.ts change has no committed migration: drizzle-kit generates into the work tree and any new or
# changed file under migrations/ means the schema and the migrations disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit check
npx drizzle-kit generate --name schema_check >/dev/null
changes=$(git status --porcelain --untracked-files=all -- migrations)
if [ -n "$changes" ]; then
  echo "schema.ts and migrations/ disagree; generate the migration with npm run db:generate and commit it:" >&2
  echo "$changes" >&2
  git checkout -- migrations && git clean -fdq -- migrations
  exit 1
fi
echo "migrations match the schema"
