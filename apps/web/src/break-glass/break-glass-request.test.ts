import { describe, expect, it } from 'vitest';
import { checkBreakGlass } from './break-glass-request';

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
