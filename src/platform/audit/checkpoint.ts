// Signed checkpoints in the formats transparency logs share (C2SP tlog-checkpoint inside a C2SP signed note, as the
// Go checksum database and Sigstore use), so that anyone can check them with existing tools: the origin, the tree
// size, the root hash, then an Ed25519 signature line. The private key lives in a file, never in the database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Checkpoint = { origin: string; size: number; root: Buffer };

export type Signer = {
  /** The key's name (the log's origin) and its verifier key, `name+hash+key` as in C2SP signed-note. */
  name: string;
  verifierKey: string;
  verifier: Verifier;
  sign(checkpoint: Checkpoint): string;
};

export type Verifier = { name: string; keyId: Buffer; publicKey: crypto.KeyObject };

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

function rawPublicKey(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

function keyId(name: string, raw: Buffer): Buffer {
  return crypto
    .createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([ED25519]), raw]))
    .digest()
    .subarray(0, 4);
}

function body(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;
}

/**
 * Makes the signing key's file unless it exists (readable by its owner only), so that a new installation seals from
 * its first start; an operator keeps the file outside the database's machine and points AUDIT_SIGNING_KEY_FILE at it.
 * Linked into place, so that processes starting together all end up with the same key.
 */
export function ensureSigningKey(keyFile: string): void {
  if (fs.existsSync(keyFile)) return;
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  const draft = `${keyFile}.${process.pid}.${crypto.randomUUID()}`;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  fs.writeFileSync(draft, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  try {
    fs.linkSync(draft, keyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(draft);
  }
}

/** The log's signer from the key's file (which must exist), for checkpoints named `origin`. */
export function loadSigner(keyFile: string, origin: string): Signer {
  const privateKey = crypto.createPrivateKey(fs.readFileSync(keyFile));
  const raw = rawPublicKey(crypto.createPublicKey(privateKey));
  const id = keyId(origin, raw);
  const verifierKey = `${origin}+${id.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString('base64')}`;
  return {
    name: origin,
    verifierKey,
    verifier: parseVerifierKey(verifierKey)!,
    sign(checkpoint) {
      const text = body(checkpoint);
      const signature = crypto.sign(null, Buffer.from(text), privateKey);
      return `${text}\n${SIGNATURE_PREFIX}${origin} ${Buffer.concat([id, signature]).toString('base64')}\n`;
    },
  };
}

/** A verifier key (`name+hash+key`) as published at /audit/key; null when it is not one. */
export function parseVerifierKey(text: string): Verifier | null {
  // The key's base64 may itself hold '+': the name and the hash are what comes before the first two.
  const [name, hash, ...tail] = text.trim().split('+');
  const key = tail.join('+');
  if (!name || !hash || !key) return null;
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) return null;
  const raw = bytes.subarray(1);
  const id = keyId(name, raw);
  if (id.toString('hex') !== hash.toLowerCase()) return null;
  const publicKey = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return { name, keyId: id, publicKey };
}

export type OpenedCheckpoint =
  { ok: true; checkpoint: Checkpoint } | { ok: false; reason: 'malformed' | 'bad_signature' };

/** Reads a signed checkpoint and checks its signature by the verifier's key (other keys' lines are ignored). */
export function openCheckpoint(note: string, verifier: Verifier): OpenedCheckpoint {
  const at = note.indexOf('\n\n');
  if (at < 0) return { ok: false, reason: 'malformed' };
  const text = note.slice(0, at + 1);
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || !root || extensions.some((e) => e === '')) {
    return { ok: false, reason: 'malformed' };
  }
  const checkpoint = { origin, size: Number(size), root: Buffer.from(root, 'base64') };
  if (checkpoint.root.length !== 32 || !Number.isSafeInteger(checkpoint.size))
    return { ok: false, reason: 'malformed' };
  for (const line of note.slice(at + 2).split('\n')) {
    if (!line.startsWith(SIGNATURE_PREFIX)) continue;
    const [name, sig] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const bytes = Buffer.from(sig ?? '', 'base64');
    if (name !== verifier.name || bytes.length !== 68 || !bytes.subarray(0, 4).equals(verifier.keyId)) continue;
    if (origin !== verifier.name) return { ok: false, reason: 'bad_signature' };
    const good = crypto.verify(null, Buffer.from(text), verifier.publicKey, bytes.subarray(4));
    return good ? { ok: true, checkpoint } : { ok: false, reason: 'bad_signature' };
  }
  return { ok: false, reason: 'bad_signature' };
}
