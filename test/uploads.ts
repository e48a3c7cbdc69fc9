// Multipart uploads for tests: real (tiny) files of each accepted type, impostors, and a form poster.
import crypto from 'node:crypto';
import type { App } from '../src/platform/http/server.ts';
import type { Browser } from './http.ts';

/** A 1×1 PNG. */
export const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082',
  'hex',
);
/** A 1×1 baseline JPEG. */
export const jpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
/** A 1×1 lossless WebP. */
export const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
/** The start of an iPhone's HEIC photo: its file-type box (brand "heic"). */
export const heic = Buffer.concat([
  Buffer.from('00000018', 'hex'),
  Buffer.from('ftypheic'),
  Buffer.alloc(4),
  Buffer.from('mif1heic'),
]);
/** A one-page PDF. */
export const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** The start of a Windows program (MZ header, PE signature). */
export const exe = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
  Buffer.alloc(28),
  Buffer.from('80000000', 'hex'),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
]);
/** A web page that would run script if it were ever served inline. */
export const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

export type FilePart = { field?: string; filename: string; type: string; bytes: Buffer };

/** A multipart/form-data body with text fields and a file, or several (each in its own field). */
export function multipart(fields: Record<string, string>, files?: FilePart | FilePart[]) {
  const boundary = `----sikoe${crypto.randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of Array.isArray(files) ? files : files ? [files] : []) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a multipart form as the browser would: its cookies, and the CSRF token of the page the form is on. */
export async function postMultipart(
  app: App,
  browser: Browser,
  url: string,
  pageUrl: string,
  fields: Record<string, string>,
  file?: FilePart | FilePart[],
) {
  const page = await browser.get(pageUrl);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = multipart({ _csrf: csrf, ...fields }, file);
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: browser.cookieHeader },
  });
}
