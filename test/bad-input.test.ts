import crypto from 'node:crypto';
import { and, eq, notLike } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { auditLog } from '../src/platform/audit/schema.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { describeApp } from './db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from './factories.ts';
import { registeredRoutes } from './routes.ts';

/** Each of these walks every route, so it takes longer as routes are added than a single test may. */
const WALK_TIMEOUT_MS = 180_000;

/**
 * Bad input never breaks the server: every JSON route is fed input generated from its own OpenAPI schema, mostly
 * well-formed with some fields replaced by what people and attackers send (NUL bytes, impossible dates, huge
 * numbers, wrong types, very long text). Whatever comes back is never a 5xx, and a refused request stores nothing
 * (no audit entry carries its request id: every change in Sikoe is audited in its own transaction).
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  nullable?: boolean;
};
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const realDate = fc
  .date({ min: new Date('1940-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nasty = fc.constantFrom<unknown>(
  '\u0000',
  'Maria\u0000Bria',
  '2026-02-31',
  '2026-13-01',
  '0000-00-00',
  '2026-02-31T25:61:00Z',
  '',
  '   ',
  'x'.repeat(5000),
  '\ud800',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00',
  '💥',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  1.5,
  true,
  null,
  [],
  {},
  ['\u0000'],
  { '\u0000': 1 },
);
const text = fc.oneof(
  fc.constantFrom('KANIM-KUPANG', 'Kupang', '5371010507900001', 'maria@example.org', 'biasa'),
  realDate,
  fc.string({ maxLength: 20 }),
);

function wellFormed(schema: Schema | undefined, name = ''): fc.Arbitrary<unknown> {
  if (!schema) return text;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => wellFormed(b, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  let value: fc.Arbitrary<unknown>;
  switch (type) {
    case 'integer':
      value = fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
      break;
    case 'number':
      value = fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true });
      break;
    case 'boolean':
      value = fc.boolean();
      break;
    case 'array':
      value = fc.array(wellFormed(schema.items, name), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
      break;
    case 'object':
      value = objectOf(schema);
      break;
    default:
      value =
        schema.format === 'uuid'
          ? fc.uuid()
          : schema.format === 'email'
            ? fc.constant('maria@example.org')
            : schema.format === 'date-time'
              ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
              : schema.pattern
                ? fc.stringMatching(new RegExp(schema.pattern))
                : /date|from|to$/i.test(name)
                  ? realDate
                  : text;
  }
  return schema.nullable ? fc.option(value, { nil: null }) : value;
}

/** Each field well-formed most of the time and nasty some of the time; optional fields sometimes left out. */
function objectOf(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, prop]) => [
      key,
      fc.oneof({ weight: 3, arbitrary: wellFormed(prop, key) }, { weight: 1, arbitrary: nasty }),
    ]),
  );
  return fc.record(props, { requiredKeys: schema.required?.filter((k) => k in props) ?? [] });
}

const pathValue = (name: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary:
        name === 'code'
          ? fc.constant('KANIM-KUPANG')
          : name === 'date'
            ? realDate
            : /id$/i.test(name)
              ? fc.uuid()
              : text,
    },
    { weight: 1, arbitrary: nasty },
  );

/** A value as a URL part; a lone surrogate (no UTF-8 form) goes as the invalid bytes an attacker would send. */
const asParam = (value: unknown) => {
  const textValue = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(textValue);
  } catch {
    return '%ED%A0%80';
  }
};

describeApp('bad input', (ctx) => {
  const bearers: (string | null)[] = [null];
  let cookie = '';
  let operations: { method: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    const token = async (id: string) =>
      (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), id, 'bad input'))).token;
    const citizen = await makeCitizen(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-KUPANG' });
    bearers.push(await token(citizen.id), await token(head.id), await token(admin.id), await token(verifier.id));
    cookie = await sessionCookie(ctx.db, head);
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  });

  // What a refusal itself must record is allowed: a failed sign-in is counted and audited (auth.*_failed), a refused
  // look-up of a passport or case leaves its trace (*.view_refused, *.search_refused).
  const storedBy = async (requestId: string) =>
    ctx.db.$count(
      auditLog,
      and(
        eq(auditLog.requestId, requestId),
        notLike(auditLog.action, 'auth.%_failed'),
        notLike(auditLog.action, '%\\_refused'),
      ),
    );

  const messageKey = /^[a-z][A-Za-z]{0,19}(\.[A-Za-z0-9_]+)+$/;

  it(
    'answers every JSON route without a 5xx, with words not message keys, and a refusal stores nothing',
    async () => {
      expect(operations.length).toBeGreaterThan(40);
      expect(['v.invalid', 'errors.not_found', 'queue.errors.wrongDay'].every((k) => messageKey.test(k))).toBe(true);
      expect(messageKey.test('Too long.')).toBe(false);
      const failures: string[] = [];
      for (const { method, path, op } of operations) {
        const params = op.parameters ?? [];
        const body = op.requestBody?.content['application/json']?.schema;
        const input = fc.record({
          bearer: fc.constantFrom(...bearers),
          path: fc.record(
            Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p.name)])),
          ),
          query: fc.record(
            Object.fromEntries(
              params
                .filter((p) => p.in === 'query')
                .map((p) => [p.name, fc.oneof(wellFormed(p.schema, p.name), nasty)]),
            ),
            { requiredKeys: [] },
          ),
          body: body
            ? fc.oneof({ weight: 6, arbitrary: wellFormed(body) }, { weight: 1, arbitrary: nasty })
            : fc.constant(undefined),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ bearer, path: pathParams, query, body: payload }) => {
            const url =
              path.replace(/\{(\w+)\}/g, (_, name: string) => asParam(pathParams[name])) +
              (Object.keys(query).length
                ? `?${Object.entries(query)
                    .map(([k, v]) => `${k}=${asParam(v)}`)
                    .join('&')}`
                : '');
            const res = await ctx.app.inject({
              method: method as 'GET',
              url,
              headers: {
                ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
                ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
            });
            const requestId = String(res.headers['x-request-id']);
            if (res.statusCode >= 500)
              failures.push(
                `${method} ${url} ${JSON.stringify(payload)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
            if (res.statusCode >= 400 && (await storedBy(requestId)) > 0)
              failures.push(`${method} ${url} → ${res.statusCode} but stored an audit entry`);
            // Every refusal speaks in words: no message key (v.invalid, errors.not_found) instead of its message.
            if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
              const error = res.json<{ error?: { message?: string; fields?: Record<string, string> } }>().error;
              for (const text of [error?.message, ...Object.values(error?.fields ?? {})])
                if (text && messageKey.test(text)) failures.push(`${method} ${url} → ${res.statusCode} says "${text}"`);
            }
          }),
          { numRuns: 25, seed: Number(process.env.BAD_INPUT_SEED ?? crypto.randomInt(2 ** 31)) },
        );
      }
      expect(failures).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'answers every page with a query of NUL bytes and impossible dates without a 5xx',
    async () => {
      const failures: string[] = [];
      const query = `?from=2026-02-31&to=2026-13-45&date=2026-02-31&month=2026-00&year=99999&q=%00&unit=%00&status=%00&page=-1&code=%00&birthDate=2026-02-30&next=%00`;
      const routes = registeredRoutes(ctx.app).filter(
        (r) => r.startsWith('GET ') && !r.includes('/api/') && !r.includes('*'),
      );
      for (const route of routes) {
        const url = route
          .slice(4)
          .replace(/:code/g, 'KANIM-KUPANG')
          .replace(/:date/g, '2026-02-31')
          .replace(/:(\w+)/g, () => crypto.randomUUID());
        const res = await ctx.app.inject({ url: url + query, headers: { cookie } });
        if (res.statusCode >= 500) failures.push(`${url} → ${res.statusCode}`);
      }
      expect(failures).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );
});
