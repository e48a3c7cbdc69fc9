import { sql } from 'drizzle-orm';
import { openDatabase, preparedRows, queryRows } from '../../src/platform/db/index.ts';
import { accounts } from '../../src/platform/auth/schema.ts';
import { eq } from 'drizzle-orm';
const url = 'postgres://postgres@127.0.0.1:5432/sikoe_d';
const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
const db = database.db;
const pool = (db as unknown as { $client: import('pg').Pool }).$client;
const id = '00000000-0000-4000-8000-000000000000';
async function run(label: string, fn: () => Promise<unknown>, n = 4000) {
  let next = 0;
  const t0 = performance.now(); const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 50 }, async () => { while (next++ < n) await fn(); }));
  const cpu = process.cpuUsage(c0);
  console.log(`${label.padEnd(28)} ${(n / ((performance.now() - t0) / 1000)).toFixed(0)}/s  node CPU ${((cpu.user + cpu.system) / 1000 / n * 1000).toFixed(0)} µs/query`);
}
for (let i = 0; i < 2; i++) {
  await run('drizzle builder select', () => db.select().from(accounts).where(eq(accounts.id, id)));
  await run('drizzle execute sql``', () => queryRows(db, sql`select id, email from accounts where id = ${id}`));
  await run('drizzle prepareQuery named', () => preparedRows(db, 'pq1', sql`select id, email from accounts where id = ${id}`));
  await run('pg pool.query named', () => pool.query({ name: 'pq2', text: 'select id, email from accounts where id = $1', values: [id] }));
  await run('pg pool.query unnamed', () => pool.query('select id, email from accounts where id = $1', [id]));
  await run('pg client in tx-like (held)', async () => { const c = await pool.connect(); try { await c.query({ name: 'pq3', text: 'select id, email from accounts where id = $1', values: [id] }); } finally { c.release(); } });
}
await database.close();
