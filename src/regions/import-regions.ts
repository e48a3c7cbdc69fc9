import { sql } from 'drizzle-orm';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { queryRows, type Executor } from '../platform/db/index.ts';

const CHUNK = 20_000;

type Level = {
  table: 'provinces' | 'regencies' | 'districts' | 'villages';
  parent?: 'province_code' | 'regency_code' | 'district_code';
};

async function insertAll(db: Executor, level: Level, rows: { code: string; name: string; parent?: string }[]) {
  // One JSON parameter per statement inserts thousands of rows at once, the same way on both drivers.
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    const table = sql.identifier(level.table);
    await db.execute(
      level.parent
        ? sql`insert into ${table} (code, name, ${sql.identifier(level.parent)})
            select code, name, parent from jsonb_to_recordset(${json}::jsonb) as r(code text, name text, parent text)
            on conflict (code) do nothing`
        : sql`insert into ${table} (code, name)
            select code, name from jsonb_to_recordset(${json}::jsonb) as r(code text, name text)
            on conflict (code) do nothing`,
    );
  }
}

/**
 * Loads every province, regency, district and village of Indonesia (Kemendagri codes, from idn-area-data,
 * ODbL). Skips the work when the villages are already there, so it is cheap on every start.
 */
export async function importRegions(db: Executor): Promise<{ imported: boolean }> {
  const [row] = await queryRows<{ present: boolean }>(db, sql`select exists(select 1 from villages) as present`);
  if (row?.present) return { imported: false };
  const [provs, regs, dists, vills] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  await insertAll(db, { table: 'provinces' }, provs);
  await insertAll(
    db,
    { table: 'regencies', parent: 'province_code' },
    regs.map((r) => ({ code: r.code, name: r.name, parent: r.province_code })),
  );
  await insertAll(
    db,
    { table: 'districts', parent: 'regency_code' },
    dists.map((d) => ({ code: d.code, name: d.name, parent: d.regency_code })),
  );
  await insertAll(
    db,
    { table: 'villages', parent: 'district_code' },
    vills.map((v) => ({ code: v.code, name: v.name, parent: v.district_code })),
  );
  return { imported: true };
}
