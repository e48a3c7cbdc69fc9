import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { createApiToken } from '../../src/accounts/api-tokens.ts';
import { systemCaller } from '../../src/platform/auth/caller.ts';
const url = 'postgres://postgres@127.0.0.1:5432/sikoe_d';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-'));
const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: url, BOOKING_RATE_LIMIT_PER_MINUTE: '1000000' });
const running = await start(config, await openDatabase({ kind: 'postgres', url }));
const db = running.database.db;
const port = (running.app.server.address() as { port: number }).port;
const unit = await makeUnit(db);
const date = '2026-11-25';
await openDate(db, unit.code, date, 0);
const app = await makeApplication(db, { unitCode: unit.code });
const { token } = await db.transaction((tx) => createApiToken(tx, systemCaller('x'), app.accountId, 'x'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
const req = (method: string, p: string, body?: string) => new Promise<number>((resolve, reject) => {
  const r = http.request({ agent, host: '127.0.0.1', port, path: p, method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); });
  r.on('error', reject); r.end(body);
});
async function run(label: string, fn: () => Promise<number>, n: number, c: number) {
  let next = 0; const codes: Record<number, number> = {};
  const t0 = performance.now(); const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: c }, async () => { while (next++ < n) { const s = await fn(); codes[s] = (codes[s] ?? 0) + 1; } }));
  const cpu = process.cpuUsage(c0); const s = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(22)} c=${c}: ${(n / s).toFixed(0)}/s, CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/req`, JSON.stringify(codes));
}
const body = JSON.stringify({ date });
for (let i = 0; i < 2; i++) for (const c of [1, 50]) {
  await run('healthz', () => req('GET', '/healthz'), 2000, c);
  await run('me (auth query)', () => req('GET', '/api/v1/me'), 2000, c);
  await run('booking quota_full', () => req('POST', `/api/v1/applications/${app.id}/appointment`, body), 2000, c);
}
await running.stop();
