import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { telLink } from '../../units/office-contact.ts';
import type { AdoptedVillageView } from '../list-adopted-villages.ts';

/** The decree as the public may read it: "not published" where the sources give no number. */
export function decreeText({ t, lang }: PageContext, v: Pick<AdoptedVillageView, 'decreeNumber' | 'decreeDate'>) {
  const number = v.decreeNumber ?? t('adoptedVillages.notPublished');
  return v.decreeDate ? `${number}, ${formatCalendarDate(lang, v.decreeDate)}` : number;
}

export const reasonsText = ({ t }: PageContext, v: Pick<AdoptedVillageView, 'reasons' | 'reasonNote'>) =>
  [v.reasons.map((r) => t(`adoptedVillages.reasons.${r}`)).join(', '), v.reasonNote].filter(Boolean).join('. ');

/** The village's PIMPASA: name and work phone, nothing else about them. */
export function OfficerContacts({ ctx, village }: { ctx: PageContext; village: AdoptedVillageView }) {
  if (village.officers.length === 0) return <>{ctx.t('adoptedVillages.noOfficer')}</>;
  return (
    <ul>
      {village.officers.map((o) => (
        <li key={o.officerId}>
          {o.name}, <a href={telLink(o.phone)}>{o.phone}</a>
        </li>
      ))}
    </ul>
  );
}

export function OfficeContact({ village }: { village: AdoptedVillageView }) {
  const { office } = village;
  return (
    <>
      {office.name}
      {office.address && <br />}
      {office.address}
      {office.phone && (
        <>
          <br />
          <a href={telLink(office.phone)}>{office.phone}</a>
        </>
      )}
    </>
  );
}
