import type { Executor } from '../platform/db/index.ts';
import { listDistricts, listProvinces, listRegencies, listVillages } from './queries.ts';
import type { RegionChoice, RegionOptions } from './views/region-picker.tsx';

/**
 * The options each select of a picker should offer for a (possibly partial) choice. A child choice that does
 * not belong to its parent is dropped, so a changed province clears the regency below it.
 */
export async function regionOptions(
  db: Executor,
  input: RegionChoice,
): Promise<{ choice: RegionChoice; options: RegionOptions }> {
  const choice: RegionChoice = {};
  const options: RegionOptions = { province: await listProvinces(db) };
  if (input.province && options.province!.some((r) => r.code === input.province)) {
    choice.province = input.province;
    options.regency = await listRegencies(db, input.province);
    if (input.regency && options.regency.some((r) => r.code === input.regency)) {
      choice.regency = input.regency;
      options.district = await listDistricts(db, input.regency);
      if (input.district && options.district.some((r) => r.code === input.district)) {
        choice.district = input.district;
        options.village = await listVillages(db, input.district);
        if (input.village && options.village.some((r) => r.code === input.village)) choice.village = input.village;
      }
    }
  }
  return { choice, options };
}
