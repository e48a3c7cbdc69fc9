import type { T } from '../platform/i18n/index.ts';
import type { Unit } from './schema.ts';

export type OfficeContact = Pick<Unit, 'name' | 'address' | 'phone' | 'mapUrl'>;

/**
 * The map link if it is an https address. The admin form accepts nothing else; this also keeps a link put in the
 * table some other way (seed, SQL) from becoming a `javascript:` link on a page or in a mail.
 */
export function mapLink(unit: Pick<Unit, 'mapUrl'>): string | null {
  const url = unit.mapUrl?.trim();
  return url && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

/** A tel: link: digits and a leading + only, as dialers expect ("(0380) 821-232" → tel:0380821232). */
export const telLink = (phone: string) => `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;

/** The lines after the office's name and address in a mail or a printed receipt: its phone and its map link. */
export function officeContactLines(t: T, unit: Pick<Unit, 'phone' | 'mapUrl'>): string[] {
  const map = mapLink(unit);
  return [unit.phone ? `${t('units.phone')}: ${unit.phone}` : null, map ? `${t('units.map')}: ${map}` : null].filter(
    (line): line is string => line !== null,
  );
}
