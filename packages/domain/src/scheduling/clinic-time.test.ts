import { describe, expect, it } from 'vitest';
import { clinicTimeLabel, isTimeZone } from './clinic-time';

describe('clinic time', () => {
  it('is called "UK time" for a UK clinic, and by its everyday name elsewhere', () => {
    expect(clinicTimeLabel('Europe/London')).toBe('UK time');
    expect(clinicTimeLabel('Europe/Paris')).toBe('Central European Time');
    expect(clinicTimeLabel('Etc/GMT-9')).toBe('GMT+09:00');
  });

  it('knows a time zone from a name that is not one', () => {
    expect(isTimeZone('Europe/Dublin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
