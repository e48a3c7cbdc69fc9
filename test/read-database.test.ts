import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { apiTokenOf } from '../src/lodgings/test-support.ts';
import { witaDate } from '../src/platform/calendar/wita.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/index.ts';
import type { App } from '../src/platform/http/server.ts';
import { seedReference } from '../src/seed.ts';
import { testConfig } from './db.ts';
import { makeOfficer } from './factories.ts';

const url = process.env.TEST_DATABASE_URL;

/**
 * DATABASE_READ_URL: the figures read from a second database. Here it is a copy of the primary with a marker only it
 * holds (passports issued in 2024 and today), standing for a standby: an answer with the marker was read there.
 */
describe.skipIf(!url)('figures read from DATABASE_READ_URL [postgres]', () => {
  const suffix = crypto.randomBytes(5).toString('hex');
  const names = { primary: `sikoe_test_primary_${suffix}`, read: `sikoe_test_read_${suffix}` };
  const urlOf = (name: string) => Object.assign(new URL(url!), { pathname: `/${name}` }).toString();
  const today = witaDate();
  const opened: Database[] = [];
  const apps: App[] = [];
  let primary: Database;
  let read: Database;
  let token: string;

  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const open = async (name: string, readName?: string) => {
    const database = await openDatabase({
      kind: 'postgres',
      url: urlOf(name),
      readUrl: readName && urlOf(readName),
      poolSize: 2,
    });
    opened.push(database);
    return database;
  };
  const appOn = async (database: Database) => {
    const app = await buildApp(testConfig({ figuresMaxAgeSeconds: 300 }), database);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    await admin(`create database ${names.primary}`);
    const made = await openDatabase({ kind: 'postgres', url: urlOf(names.primary), poolSize: 2 });
    await made.migrate();
    await seedReference(made.db);
    const auditor = await makeOfficer(made.db, { role: 'auditor', unitCode: 'KANIM-KUPANG' });
    token = await apiTokenOf(made.db, auditor);
    await made.close();
    // A copy needs its template without connections, hence the close above.
    await admin(`create database ${names.read} template ${names.primary}`);
    read = await open(names.read);
    await read.db.execute(
      sql`insert into issuance_history (unit_code, month, type, count) values ('KANIM-KUPANG', '2024-03-01', 'biasa', 4321)`,
    );
    await read.db.execute(sql`insert into passports (number, application_id, type, unit_code, holder_name, nik,
        birth_date, sex, issue_date, expiry_date, mrz1, mrz2, status)
      values ('R0000001', ${crypto.randomUUID()}, 'elektronik', 'KANIM-KUPANG', 'UJI', '5300000000000000',
        '1990-01-01', 'M', ${today}, '2099-01-01', 'P<IDN', '0000', 'printed')`);
    primary = await open(names.primary);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
    await admin(`drop database if exists ${names.read} with (force)`).catch(() => undefined);
    await admin(`drop database if exists ${names.primary} with (force)`).catch(() => undefined);
  });

  const figures = async (app: App) => {
    const stats = await app.inject({ url: '/api/v1/stats/passports?from=2024-01&to=2024-12' });
    const data = await app.inject({ url: '/data/paspor-terbit.json?year=2024' });
    const csv = await app.inject({ url: '/transparansi.csv?year=2024' });
    const dashboard = await app.inject({
      url: `/api/v1/dashboard?from=${today.slice(0, 4)}-01-01&to=${today}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect([stats.statusCode, data.statusCode, csv.statusCode, dashboard.statusCode]).toEqual([200, 200, 200, 200]);
    const issued = dashboard
      .json<{ figures: { code: string; current: number }[] }>()
      .figures.find((f) => f.code === 'passports_issued');
    return {
      statistics: stats.json<{ total: number }>().total,
      openData: JSON.stringify(data.json()).includes('4321'),
      transparency: csv.body.includes('4321'),
      dashboard: issued?.current,
    };
  };

  it('reads the primary when no read database is set', async () => {
    const app = await appOn(primary);
    expect(await figures(app)).toEqual({ statistics: 0, openData: false, transparency: false, dashboard: 0 });
  });

  it('reads statistics, open data, transparency and the dashboard from the read database when it is set', async () => {
    const app = await appOn(await open(names.primary, names.read));
    expect(await figures(app)).toEqual({ statistics: 4321, openData: true, transparency: true, dashboard: 1 });
  });

  it('stores the report it computed from the read database on the primary, never through the read-only pool', async () => {
    const snapshots = (database: Database) =>
      queryRows<{ marked: boolean }>(
        database.db,
        sql`select report::text like '%4321%' as marked from transparency_snapshots where year = 2024`,
      );
    expect({ primary: await snapshots(primary), read: await snapshots(read) }).toEqual({
      primary: [{ marked: true }],
      read: [],
    });
  });
});
