import { sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus } from '../applications/schema.ts';
import { isTrackingCode, normaliseTrackingCode } from '../applications/tracking-code.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Caseworker } from './access.ts';

export const SEARCH_LIMIT = 50;

/** `nik`: 16 digits; `code`: a tracking code or passport number (letters and digits, no space); `name`: the rest. */
export type SearchKind = 'nik' | 'code' | 'name';

export type SearchHit = {
  id: string;
  trackingCode: string;
  fullName: string | null;
  nik: string | null;
  birthDate: string | null;
  status: ApplicationStatus;
  unitCode: string;
  statusAt: Date;
  passportNumber: string | null;
};

export type SearchResult = { kind: SearchKind; hits: SearchHit[]; truncated: boolean };

const namePattern = /^[\p{L}][\p{L} .'-]*$/u;

/** What the query is, from its shape; null when it cannot be searched for. */
export function classifyQuery(input: string): { kind: SearchKind; value: string } | null {
  const q = input.trim().replace(/\s+/g, ' ');
  if (/^\d{16}$/.test(q)) return { kind: 'nik', value: q };
  const code = normaliseTrackingCode(q);
  // A tracking code by its shape (it may have no digit), or letters and digits together (a passport number).
  if (isTrackingCode(code) || (/^[A-Z0-9]{6,20}$/.test(code) && /\d/.test(code))) return { kind: 'code', value: code };
  if (q.length >= 2 && q.length <= 100 && namePattern.test(q)) return { kind: 'name', value: q.toLowerCase() };
  return null;
}

/**
 * A name matches when each word of the query begins some word of the name, in any order: "yoh", "ndun", "yo nd"
 * and "bria" all find Yohanes Ndun-Bria (the simple text-search parser splits at spaces, hyphens and apostrophes and
 * lower-cases). Only letters reach the query, so nobody can write text-search syntax into it.
 */
function nameMatch(value: string): SQL {
  const words = value.split(/\P{L}+/u).filter(Boolean);
  return sql`to_tsvector('simple', coalesce(a.full_name, '')) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`;
}

function matchOf(kind: SearchKind, value: string): SQL {
  if (kind === 'nik') return sql`a.nik = ${value}`;
  if (kind === 'code') {
    return sql`a.id in (select id from applications where tracking_code = ${value}
      union all select application_id from passports where number = ${value})`;
  }
  return nameMatch(value);
}

type Row = {
  id: string;
  tracking_code: string;
  full_name: string | null;
  nik: string | null;
  birth_date: string | null;
  status: string;
  unit_code: string;
  status_at: Date | string;
  passport_number: string | null;
};

/**
 * Applications (never drafts) of the units in the officer's scope that match a name, NIK, tracking code or passport
 * number. The list reveals personal data, so every search is audited: who searched for what, and how much was found.
 */
export async function searchCases(
  tx: Executor,
  caller: Caller,
  worker: Caseworker,
  query: string,
): Promise<SearchResult> {
  const parsed = classifyQuery(query);
  if (!parsed) throw new AppError('validation_failed', { q: 'casework.search.invalid' });
  const rows =
    worker.scope.length === 0
      ? []
      : await queryRows<Row>(
          tx,
          sql`
    select a.id, a.tracking_code, a.full_name, a.nik, a.birth_date::text as birth_date, a.status, a.unit_code, a.status_at,
      (select p.number from passports p where p.application_id = a.id and p.status <> 'cancelled' limit 1) as passport_number
    from applications a
    where a.status <> 'draft' and a.unit_code in ${worker.scope} and ${matchOf(parsed.kind, parsed.value)}
    order by lower(a.full_name), a.status_at desc, a.id
    limit ${SEARCH_LIMIT + 1}`,
        );
  const hits = rows.slice(0, SEARCH_LIMIT).map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    fullName: r.full_name,
    nik: r.nik,
    birthDate: r.birth_date,
    status: r.status,
    unitCode: r.unit_code,
    statusAt: new Date(r.status_at),
    passportNumber: r.passport_number,
  }));
  await appendAudit(tx, caller, {
    action: 'case.search',
    targetType: 'application',
    details: { kind: parsed.kind, query: parsed.value, results: hits.length },
  });
  return { kind: parsed.kind, hits, truncated: rows.length > SEARCH_LIMIT };
}
