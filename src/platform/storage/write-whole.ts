import crypto from 'node:crypto';
import fs from 'node:fs/promises';

/** Writes a file under a private name and renames it into place, so that a reader never sees half of it. */
export async function writeWhole(file: string, data: string | Buffer, mode?: number): Promise<void> {
  const temporary = `${file}.${crypto.randomUUID()}.tmp`;
  await fs.writeFile(temporary, data, mode === undefined ? {} : { mode });
  await fs.rename(temporary, file);
}
