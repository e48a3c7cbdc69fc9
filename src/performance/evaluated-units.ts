import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import { organisationRoot } from '../units/organisation-root.ts';

/** The units the Kanwil evaluates: those directly below it (each Kantor Imigrasi, the Rudenim), in reading order. */
export async function evaluatedUnits(db: Executor): Promise<{ code: string; name: string }[]> {
  const root = await organisationRoot(db);
  return (await listUnits(db)).filter((u) => u.parentCode === root).map((u) => ({ code: u.code, name: u.name }));
}
