import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from './index.ts';
import { serverSecrets } from './schema.ts';

/** Returns the named secret, creating it on first use; concurrent first uses agree on one value. */
export async function serverSecret(db: Executor, name: string): Promise<string> {
  await db
    .insert(serverSecrets)
    .values({ name, value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name));
  if (!row) throw new Error(`secret ${name} missing`);
  return row.value;
}
