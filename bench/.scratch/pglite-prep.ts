import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgp-'));
const pg = await PGlite.create({ dataDir: path.join(dir, 'd') });
await pg.exec(`create table a (id uuid primary key, unit text, nik text, status text); create table b (unit text, date date, cap int, booked int, primary key (unit, date)); create table c (nik text, state text); create index on c (nik);
insert into a select gen_random_uuid(), 'U', 'n'||i, 'submitted' from generate_series(1,1000) i; insert into b values ('U', '2026-11-25', 10, 10);`);
const ids = (await pg.query<{ id: string }>('select id from a')).rows.map((r) => r.id);
const q = `select a.status, b.cap, b.booked, exists(select 1 from c where c.nik = a.nik and c.state in ('x','y')) as taken from a left join b on b.unit = a.unit and b.date = $2::date where a.id = $1::uuid`;
async function time(label: string, fn: (i: number) => Promise<unknown>, n = 1000) {
  for (let i = 0; i < 50; i++) await fn(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i);
  const cpu = process.cpuUsage(c0);
  console.log(`${label.padEnd(24)} ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU`);
}
await time('select 1', () => pg.query('select 1'));
await time('plain query', (i) => pg.query(q, [ids[i % 1000], '2026-11-25']));
await pg.query(`prepare s1 as ${q}`);
await time('execute prepared', (i) => pg.query(`execute s1('${ids[i % 1000]}', '2026-11-25')`));
await time('exec (simple) prepared', (i) => pg.exec(`execute s1('${ids[i % 1000]}', '2026-11-25')`));
await pg.exec('begin'); await pg.query(`prepare s2 as select 1`); await pg.exec('rollback');
console.log('survives rollback:', (await pg.query(`select count(*)::int n from pg_prepared_statements where name = 's2'`)).rows);
await pg.close();
fs.rmSync(dir, { recursive: true, force: true });
