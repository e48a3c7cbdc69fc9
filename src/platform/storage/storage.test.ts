import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderStorage } from './folder-storage.ts';
import { S3Storage } from './s3-storage.ts';
import { sniffDocument, sniffPhoto } from './sniff.ts';
import { openStorage } from './open-storage.ts';
import type { Storage } from './storage.ts';
import { exe, heic, html, jpeg, pdf, png, webp } from '../../../test/uploads.ts';

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The contract both adapters keep. */
function behavesAsStorage(make: () => Storage) {
  it('stores, returns with its media type, and deletes (twice without complaint)', async () => {
    const storage = make();
    const key = `applications/${crypto.randomUUID()}/${crypto.randomUUID()}`;
    await storage.put(key, pdf, 'application/pdf');
    const got = await storage.get(key);
    expect(got.mediaType).toBe('application/pdf');
    expect((await read(got.body)).equals(pdf)).toBe(true);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses keys that could climb out of its root', async () => {
    const storage = make();
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/b/', ''])
      await expect(storage.put(key, png, 'image/png')).rejects.toThrow(/invalid storage key/);
  });
}

describe('folder storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-storage-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  behavesAsStorage(() => new FolderStorage(root));

  it('is what openStorage gives without S3: <dataDir>/uploads', async () => {
    const storage = openStorage({ dataDir: root, s3: undefined });
    await storage.put('a/b', png, 'image/png');
    expect(fs.readFileSync(path.join(root, 'uploads', 'a', 'b')).equals(png)).toBe(true);
  });
});

describe('S3 storage, against a stand-in S3 server that records requests', () => {
  type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer };
  const seen: Seen[] = [];
  const objects = new Map<string, { body: Buffer; type: string }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url!.split('?')[0]!;
      seen.push({ method: req.method!, url, headers: req.headers, body });
      if (req.method === 'PUT') {
        objects.set(url, { body, type: String(req.headers['content-type']) });
        res.writeHead(200, { etag: '"1"' }).end();
      } else if (req.method === 'GET' && objects.has(url)) {
        const object = objects.get(url)!;
        res.writeHead(200, { 'content-type': object.type, 'content-length': object.body.length }).end(object.body);
      } else if (req.method === 'GET') {
        res
          .writeHead(404, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>gone</Message></Error>');
      } else {
        objects.delete(url);
        res.writeHead(204).end();
      }
    });
  });
  let endpoint = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const config = () => ({
    endpoint,
    bucket: 'sikoe-uploads',
    region: 'ap-southeast-3',
    accessKey: 'AKIATEST',
    secretKey: 'secret-test-key',
  });

  behavesAsStorage(() => new S3Storage(config()));

  it('signs path-style requests (SigV4) and sends the bytes and media type as given', async () => {
    seen.length = 0;
    const storage = openStorage({ dataDir: '/nonexistent', s3: config() });
    await storage.put('applications/x/y', jpeg, 'image/jpeg');
    const [put] = seen;
    expect(put).toMatchObject({ method: 'PUT', url: '/sikoe-uploads/applications/x/y' });
    expect(put!.body.equals(jpeg)).toBe(true);
    expect(put!.headers['content-type']).toBe('image/jpeg');
    expect(put!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/ap-southeast-3\/s3\/aws4_request/,
    );
  });
});

describe('content sniffing', () => {
  it('knows JPEG, PNG and PDF by their bytes and nothing else', async () => {
    expect(await sniffDocument(png)).toBe('image/png');
    expect(await sniffDocument(jpeg)).toBe('image/jpeg');
    expect(await sniffDocument(pdf)).toBe('application/pdf');
    for (const bytes of [
      exe,
      html,
      Buffer.alloc(0),
      Buffer.from('GIF89a\x01\x00\x01\x00'),
      Buffer.from('PK\x03\x04 zip'),
    ])
      expect(await sniffDocument(bytes)).toBeNull();
  });

  it('knows the photos phones take (JPEG, PNG, WebP, HEIC) by their bytes, and no document or impostor', async () => {
    expect(await sniffPhoto(jpeg)).toBe('image/jpeg');
    expect(await sniffPhoto(png)).toBe('image/png');
    expect(await sniffPhoto(webp)).toBe('image/webp');
    expect(await sniffPhoto(heic)).toBe('image/heic');
    for (const bytes of [pdf, exe, html, Buffer.alloc(0), Buffer.from('GIF89a\x01\x00\x01\x00')])
      expect(await sniffPhoto(bytes)).toBeNull();
  });
});
