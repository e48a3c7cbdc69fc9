// Reading the mail that test apps write as .eml files into the run's shared data folder (test/db.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../src/platform/config.ts';
import type { App } from '../src/platform/http/server.ts';

export type Mail = { file: string; to: string; subject: string; text: string };

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** Reads one .eml written by the file mailer: headers and the decoded plain-text body. */
export function parseEml(file: string): Mail {
  const raw = fs.readFileSync(file, 'utf8');
  const split = raw.indexOf('\n\n');
  const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const body = raw.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { file, to: header('To'), subject: decodeHeader(header('Subject')), text };
}

const recipients = new Map<string, string>();

/** The mails to `to` in a folder; each file's recipient is read once per test process. */
function mailsIn(dir: string, to: string): Mail[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const files = names.map((name) => path.join(dir, name));
  for (const file of files) if (!recipients.has(file)) recipients.set(file, parseEml(file).to);
  return files.filter((file) => recipients.get(file) === to).map(parseEml);
}

/**
 * Runs the due jobs and returns the mails written to `to`, oldest first, once there are at least `min`. Every test
 * app shares one data folder (test/db.ts), so whichever app's runner sent the mail, it is there.
 */
export async function mailsTo(ctx: { app: App; config: Config }, to: string, min = 1): Promise<Mail[]> {
  const own = path.join(ctx.config.dataDir, 'mail');
  for (let attempt = 0; attempt < 60; attempt++) {
    await ctx.app.deps.jobs.runDue();
    const found = mailsIn(own, to);
    if (found.length >= min) return found.sort((a, b) => path.basename(a.file).localeCompare(path.basename(b.file)));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${min} mail(s) to ${to}`);
}

/** The path and query of the first link in the mail to the given path, e.g. "/verify?token=…". */
export function linkIn(mail: Mail, pathname: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathname.replace(/[/?]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`).exec(
    mail.text,
  );
  if (!match) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return match[1]!;
}
