// What the features above Desa Binaan know of a village's people: adopted-villages sits below applications, cases and
// village-tips, so app.ts hands it this function, composed from their count queries.
import type { VillageSignalsOf } from './adopted-villages/register.ts';
import { countCasesByVillage, listDeferralReasons, UNRECORDED_REASON } from './cases/register.ts';
import { countTipsByVillage } from './village-tips/register.ts';

export const villageSignals: VillageSignalsOf = async (db, villageCodes, period) => {
  const [cases, tips, reasons] = await Promise.all([
    countCasesByVillage(db, villageCodes, period),
    countTipsByVillage(db, villageCodes, period),
    listDeferralReasons(db, { all: true }),
  ]);
  const nameOf = (code: string) => {
    const reason = reasons.find((r) => r.code === code) ?? (code === UNRECORDED_REASON.code ? UNRECORDED_REASON : null);
    return reason ? { id: reason.nameId, en: reason.nameEn } : { id: code, en: code };
  };
  // In the office's order of the reasons (the table's `sort`), as the interview form offers them; unknown codes last.
  const rank = (code: string) => reasons.findIndex((r) => r.code === code) >>> 0;
  return new Map(
    villageCodes.map((code) => {
      const c = cases.get(code);
      const t = tips.get(code);
      return [
        code,
        {
          applications: c?.applications ?? 0,
          deferrals: (c?.deferrals ?? [])
            .map((d) => ({ ...d, name: nameOf(d.reasonCode) }))
            .sort((a, b) => rank(a.reasonCode) - rank(b.reasonCode)),
          tips: t?.tips ?? 0,
          openWarnings: t?.openWarnings ?? 0,
        },
      ];
    }),
  );
};
