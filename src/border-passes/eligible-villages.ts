import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { listVillages, type Region } from '../regions/queries.ts';
import { eligibleDistrictCodes } from './pass-rules.ts';

export type VillageGroup = { districtCode: string; label: string; villages: Region[] };

/**
 * The villages of every listed kecamatan on a WITA day, grouped by kecamatan with its regency: the issuing form's
 * one list (a few hundred villages), so the address is chosen without JavaScript and without a second request.
 */
export async function eligibleVillageGroups(db: Executor, day: IsoDate): Promise<VillageGroup[]> {
  const codes = await eligibleDistrictCodes(db, day);
  const lists = await Promise.all(codes.map((code) => listVillages(db, code)));
  const places = await findVillagePlaces(
    db,
    lists.flatMap((villages) => villages.slice(0, 1).map((v) => v.code)),
  );
  return codes.flatMap((districtCode, i) => {
    const villages = lists[i]!;
    const place = villages[0] && places.get(villages[0].code);
    if (!place) return [];
    return [{ districtCode, label: `${place.regencyName ?? ''} — ${place.districtName ?? districtCode}`, villages }];
  });
}
