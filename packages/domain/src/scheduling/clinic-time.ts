/** The clinic's time zone unless the server is configured otherwise (`CLINIC_TIME_ZONE`). */
export const DEFAULT_CLINIC_TIME_ZONE = 'Europe/London';

/** Whether this runtime's Intl knows the zone (an IANA name such as Europe/London). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * How pages and messages name the clinic's time, after a time: "UK time" for a UK clinic, or elsewhere the zone's
 * everyday name ("Central European Time", "GMT+09:00").
 */
export function clinicTimeLabel(zone: string): string {
  if (zone === DEFAULT_CLINIC_TIME_ZONE) return 'UK time';
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(Date.now())
    .find((part) => part.type === 'timeZoneName')?.value;
  return name ?? zone;
}
