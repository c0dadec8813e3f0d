import { describe, expect, it } from 'vitest';
import { checkBreakGlass, readGrantedState } from './break-glass-request';

const PATIENT_ID = '3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b';

describe('checking an emergency access request before it is sent', () => {
  it('sends a trimmed patient ID and reason', () => {
    expect(checkBreakGlass({ patientId: ` ${PATIENT_ID} `, reason: '  Complaint investigation  ' })).toEqual({
      ok: true,
      values: { patientId: PATIENT_ID, reason: 'Complaint investigation' },
    });
  });

  it('asks for both fields when they are empty', () => {
    const checked = checkBreakGlass({ patientId: ' ', reason: '' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(['patientId', 'reason']);
  });

  it('refuses a patient ID that is not a UUID, and a reason under 10 characters', () => {
    const checked = checkBreakGlass({ patientId: 'NHS 943 476 5919', reason: 'urgent' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.patientId).toMatch(/right format/);
      expect(checked.errors.reason).toMatch(/at least 10 characters/);
    }
  });
});

describe('coming back to emergency access from a recording', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const granted = { patientId: PATIENT_ID, expiresAt: '2026-11-23T10:20:00Z' };

  it('shows the recordings again while the access lasts', () => {
    expect(readGrantedState({ granted }, now)).toEqual(granted);
  });

  it('starts again once it has run out, or with state that is not its own', () => {
    expect(readGrantedState({ granted }, Date.parse('2026-11-23T10:20:00Z'))).toBeNull();
    expect(readGrantedState({ granted: { ...granted, patientId: 'someone' } }, now)).toBeNull();
    expect(readGrantedState(null, now)).toBeNull();
  });
});
