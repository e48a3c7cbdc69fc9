// npm run bench:start — how long `npm start` takes to serve on a fresh data folder (first run: migrate + seed)
// and on an existing one (warm start), and what the home page weighs on the wire. Prints the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

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
console.log(`first run (fresh ${'./data'}: migrate + seed regions and units): ${fmt(first.ms)}   target ≤ 15 s`);
console.log(`warm start (3 runs): ${warm.map(fmt).join(', ')}   median ${fmt(warm.sort((a, b) => a - b)[1])}   target ≤ 3 s`);
console.log(`home page transferred (gzip): HTML ${gz(html)} B + CSS ${gz(css)} B = ${((gz(html) + gz(css)) / 1024).toFixed(1)} KB   target < 50 KB`);
