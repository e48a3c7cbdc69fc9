// npm run bench:start — how long `npm start` takes to serve on a fresh data folder (first run: migrate + seed)
// and on an existing one (warm start), and what the home page weighs on the wire. Prints the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-bench-start-'));
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

async function timeToServe() {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/sikoe.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (performance.now() - started > 60_000) throw new Error('did not serve within 60 s');
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ms: performance.now() - started, child };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

// Build the bundle first if the sources are newer: rebuilding is not what a start costs.
await new Promise((resolve, reject) =>
  spawn(process.execPath, [path.join(root, 'bin/sikoe.js'), '--help'], { stdio: 'ignore' }).on('exit', (code) =>
    code === 0 ? resolve() : reject(new Error(`sikoe --help exited ${code}`)),
  ),
);
const first = await timeToServe();
const home = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
const html = await home.text();
const cssPath = /href="(\/static\/app\.css[^"]*)"/.exec(html)?.[1];
const css = await (await fetch(`${base}${cssPath}`)).text();
const gz = (s) => zlib.gzipSync(s).length;
await stop(first.child);

const warm = [];
for (let i = 0; i < 3; i++) {
  const run = await timeToServe();
  warm.push(run.ms);
  await stop(run.child);
}
fs.rmSync(dataDir, { recursive: true, force: true });

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = warm.sort((a, b) => a - b)[1];
const homeBytes = gz(html) + gz(css);
const goals = [
  { name: 'first run', met: first.ms <= 15_000 },
  { name: 'warm start', met: median <= 3_000 },
  { name: 'home page size', met: homeBytes < 50 * 1024 },
];
console.log(`load average before: ${loadBefore}`);
console.log(`first run (fresh ${'./data'}: migrate + seed regions and units): ${fmt(first.ms)}   target ≤ 15 s`);
console.log(`warm start (3 runs): ${warm.map(fmt).join(', ')}   median ${fmt(median)}   target ≤ 3 s`);
console.log(
  `home page transferred (gzip): HTML ${gz(html)} B + CSS ${gz(css)} B = ${(homeBytes / 1024).toFixed(1)} KB   target < 50 KB`,
);
const missed = goals.filter((g) => !g.met).map((g) => g.name);
if (missed.length > 0) {
  console.log(`MISSED: ${missed.join(', ')}`);
  process.exitCode = 1;
}
