import { addDays } from '../platform/calendar/wita.ts';
import type { Lang, T } from '../platform/i18n/index.ts';
import type { BookingDetails } from './booking-details.ts';
import { openingHoursOn } from './opening-hours.ts';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/**
 * The appointment as an iCalendar (RFC 5545) file, written by the `ics` package: an all-day event on the date
 * (the office serves the whole day, in the order people arrive), at the office, with the tracking code.
 */
export async function calendarFile(details: BookingDetails, t: T, lang: Lang, link: string): Promise<string> {
  const { createEvent } = await import('ics');
  const { application, appointment, unit } = details;
  const hours = openingHoursOn(unit, appointment.date, lang);
  const { error, value } = createEvent({
    uid: `${appointment.id}@sikoe`,
    productId: 'sikoe/appointments',
    start: parts(appointment.date),
    end: parts(addDays(appointment.date, 1)),
    title: t('booking.ics.summary', { unit: unit.name }),
    description: `${t('booking.ics.description', { code: application.trackingCode, link })}${hours ? `\n${t('booking.confirmation.hours')}: ${hours} WITA` : ''}`,
    location: `${unit.name}, ${unit.address}`,
    url: link,
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('calendar file not written');
  return value;
}
