import { DAYS, type OpeningHours, type Pharmacy } from '@confide/contract';
import { localDateOf, weekdayOf, WEEKDAY_NAMES } from '../format/clinic-time';

type Day = (typeof DAYS)[number];
type Hours = OpeningHours[Day];

/**
 * How far away a pharmacy is, as a person would say it: "2.4 km away", or under a kilometre "350 m away"
 * (to the nearest 10 metres, since distances are measured from a postcode's centre).
 */
export function distanceText(distanceKm: number): string {
  const metres = Math.round(distanceKm * 100) * 10;
  if (metres < 10) return 'Less than 10 m away';
  if (metres < 1000) return `${metres} m away`;
  return `${distanceKm.toFixed(1)} km away`;
}

/** One day's opening hours: "09:00 to 18:00", "09:00 to 13:00 and 14:00 to 17:30", or "Closed". */
export function hoursText(hours: Hours): string {
  if (hours.length === 0) return 'Closed';
  const ranges = hours.map(([opens, closes]) => `${opens} to ${closes}`);
  const last = ranges.pop() as string;
  return ranges.length === 0 ? last : `${ranges.join(', ')} and ${last}`;
}

/** The week's opening hours, Monday first, for a table: [{ day: "Monday", hours: "09:00 to 18:00" }, …]. */
export function openingHoursRows(openingHours: OpeningHours): { day: string; hours: string }[] {
  return DAYS.map((key, index) => ({ day: WEEKDAY_NAMES[index] as string, hours: hoursText(openingHours[key]) }));
}

/** Which day of the week it is in the UK at `now`, as the opening hours name it. */
export function ukDayOf(now: number | Date): Day {
  return DAYS[weekdayOf(localDateOf(now)) - 1] as Day;
}

/** Today's hours (clinic time), for a search result: "Today: 09:00 to 18:00" or "Closed all day today". */
export function todayHoursText(openingHours: OpeningHours, now: number | Date): string {
  const hours = openingHours[ukDayOf(now)];
  return hours.length === 0 ? 'Closed all day today' : `Today: ${hoursText(hours)}`;
}

/** The address on one line, with the postcode: "12 High Street, Leeds, LS1 4AP". */
export function pharmacyAddress(pharmacy: Pick<Pharmacy, 'address' | 'postcode'>): string {
  const address = pharmacy.address.trim();
  const postcode = pharmacy.postcode.trim();
  if (!postcode || address.toUpperCase().includes(postcode.toUpperCase())) return address;
  return address ? `${address}, ${postcode}` : postcode;
}

/** A phone number as a `tel:` link: digits and a leading +, nothing else. */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
