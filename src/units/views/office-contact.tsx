import type { PageContext } from '../../platform/views/context.ts';
import { mapLink, telLink, type OfficeContact } from '../office-contact.ts';

/** An office's address, phone and map link as the terms of a `dl` (the page holds the list), for people coming to it. */
export function OfficeContactFacts({ ctx, unit }: { ctx: PageContext; unit: OfficeContact }) {
  const { t } = ctx;
  const map = mapLink(unit);
  return (
    <>
      <dt>{t('units.address')}</dt>
      <dd>{unit.address}</dd>
      {unit.phone && (
        <>
          <dt>{t('units.phone')}</dt>
          <dd>
            <a href={telLink(unit.phone)}>{unit.phone}</a>
          </dd>
        </>
      )}
      {map && (
        <>
          <dt>{t('units.map')}</dt>
          <dd>
            <a href={map} rel="noopener noreferrer" class="map-link">
              {t('units.openMap')}
              <span class="visually-hidden"> {unit.name}</span>
            </a>
          </dd>
        </>
      )}
    </>
  );
}
