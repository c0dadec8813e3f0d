import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults make `npm start` work: port 3000, ./data, embedded database', () => {
    const c = loadConfig({}, '/srv/confide');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/confide/data');
    expect(c.database).toEqual({ kind: 'embedded', dataDir: '/srv/confide/data/pg' });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://app:pw@db/confide', DATABASE_ADMIN_URL: 'postgres://owner:pw@db/confide' });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgres://app:pw@db/confide', adminUrl: 'postgres://owner:pw@db/confide' });
  });

  it('names an invalid variable without echoing its value', () => {
    expect(() => loadConfig({ PORT: 'secret-looking-value' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'secret-looking-value' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT');
      expect((err as Error).message).not.toContain('secret-looking-value');
    }
  });

  it('production fails fast without a database or public URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL, PUBLIC_URL/);
  });

  it('takes the clinic time zone as an IANA name, and refuses one that is not', () => {
    expect(loadConfig({ CLINIC_TIME_ZONE: 'Europe/Dublin' }).clinicTimeZone).toBe('Europe/Dublin');
    expect(loadConfig({}).clinicTimeZone).toBe('Europe/London');
    expect(() => loadConfig({ CLINIC_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/CLINIC_TIME_ZONE/);
  });
});
