// scratch: CPU per request for simple endpoints (not part of the deliverable)
import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
const url = 'postgres://postgres@127.0.0.1:5432/sikoe_d';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-'));
const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: url });
const running = await start(config, await openDatabase({ kind: 'postgres', url }));
const port = (running.app.server.address() as { port: number }).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
const get = (p: string, headers: Record<string, string> = {}) => new Promise<number>((resolve, reject) => {
  const req = http.request({ agent, host: '127.0.0.1', port, path: p, method: p.includes('appointment') ? 'POST' : 'GET', headers: { ...headers, ...(p.includes('appointment') ? { 'content-type': 'application/json' } : {}) } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); });
  req.on('error', reject); req.end(p.includes('appointment') ? JSON.stringify({ date: '2026-11-25' }) : undefined);
});
async function run(label: string, p: string, headers: Record<string, string> = {}, n = 3000) {
  let next = 0; const codes: Record<number, number> = {};
  const t0 = performance.now(); const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 200 }, async () => { while (next++ < n) { const s = await get(p, headers); codes[s] = (codes[s] ?? 0) + 1; } }));
  const cpu = process.cpuUsage(c0); const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${(n / s).toFixed(0)}/s, node CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/req`, codes);
}
for (let i = 0; i < 2; i++) {
  await run('healthz', '/healthz');
  await run('401 booking no auth', '/api/v1/applications/00000000-0000-4000-8000-000000000000/appointment');
  await run('401 bad token', '/api/v1/applications/00000000-0000-4000-8000-000000000000/appointment', { authorization: 'Bearer nope' });
}
await running.stop();
