import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { writeWhole } from '../storage/write-whole.ts';
import type { LockHolder } from '../db/folder-lock.ts';
import { BackupRefusal } from './refusal.ts';
import type { Snapshot } from './take-snapshot.ts';

/**
 * Where a server on the embedded database says how to reach it, in its data folder: only who may read that folder
 * (and so could copy the database anyway) learns the token.
 */
export const adminChannelFile = (dataDir: string) => path.join(dataDir, 'admin-channel.json');

const Channel = z.object({ pid: z.number().int(), port: z.number().int(), token: z.string().min(32) });
const Answer = z.object({
  folder: z.string(),
  kind: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  tables: z.record(z.string(), z.number()),
  pausedMs: z.number().optional(),
});

/**
 * The one process that holds a PGlite folder answers `POST /snapshot` on 127.0.0.1 with a bearer token, for
 * `sikoe backup`, which may not open the folder itself. One snapshot at a time; the answer names the folder it
 * gathered the backup's files in, under the data folder, for the command to pack and remove.
 */
export async function openAdminChannel(options: {
  dataDir: string;
  snapshot: () => Promise<Snapshot>;
  onError: (err: unknown) => void;
}): Promise<{ close: () => Promise<void> }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    const sent = Buffer.from(req.headers.authorization ?? '');
    const send = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/snapshot') return send(404, { error: 'not found' });
    if (sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected))
      return send(401, { error: 'wrong token' });
    const taken = queue.then(options.snapshot);
    queue = taken.catch(() => undefined);
    taken.then(
      (snapshot) => send(200, snapshot),
      (err: unknown) => {
        options.onError(err);
        send(500, { error: 'the snapshot failed; the server log says why' });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const file = adminChannelFile(options.dataDir);
  const channel = { pid: process.pid, port: (server.address() as AddressInfo).port, token };
  await writeWhole(file, JSON.stringify(channel), 0o600);
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const current = await fs.readFile(file, 'utf8').catch(() => '');
      if (current === JSON.stringify(channel)) await fs.rm(file, { force: true });
    },
  };
}

/** How long a snapshot may take: counting and dumping a large folder takes minutes, a hang takes for ever. */
const SNAPSHOT_TIMEOUT_MS = 30 * 60_000;

/** JSON text as a value, or undefined when it is not JSON (a damaged file, a wrong answer): zod then refuses it. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Asks the server holding the folder for a snapshot, as `sikoe backup` does beside it. */
export async function snapshotFromServer(dataDir: string, holder: LockHolder): Promise<Snapshot> {
  const { pid } = holder;
  const text = await fs.readFile(adminChannelFile(dataDir), 'utf8').catch(() => undefined);
  const channel = text === undefined ? undefined : Channel.safeParse(parsedJson(text));
  if (!channel?.success || channel.data.pid !== pid)
    throw new BackupRefusal(
      `the embedded database is open in process ${pid} (${holder.command}), which offers no backup channel: stop it or let it end, and run this again`,
    );
  // A stuck server must fail a nightly backup, not hang it.
  const res = await fetch(`http://127.0.0.1:${channel.data.port}/snapshot`, {
    method: 'POST',
    headers: { authorization: `Bearer ${channel.data.token}` },
    signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS),
  }).catch((err: unknown) => {
    throw new BackupRefusal(`the server (pid ${pid}) did not answer the snapshot request: ${String(err)}`);
  });
  if (!res.ok) throw new BackupRefusal(`the server (pid ${pid}) could not take the snapshot: ${await res.text()}`);
  const snapshot = Answer.safeParse(parsedJson(await res.text()));
  // The command deletes this folder when done: only a staging folder of the data folder will do.
  if (
    !snapshot.success ||
    path.dirname(snapshot.data.folder) !== path.resolve(dataDir) ||
    !path.basename(snapshot.data.folder).startsWith('backup-')
  )
    throw new BackupRefusal(`the server (pid ${pid}) answered something other than a staging folder of ${dataDir}`);
  return snapshot.data;
}
