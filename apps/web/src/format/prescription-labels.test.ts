import { describe, expect, it } from 'vitest';
import { PRESCRIPTION_STATUSES } from '@confide/contract';
import { ALERT_SEVERITY_LABELS, PRESCRIPTION_STATUS_LABELS, medicineLabel } from './prescription-labels';

describe('prescription words', () => {
  it('says where every status has got to in plain English', () => {
    expect(PRESCRIPTION_STATUSES.map((status) => PRESCRIPTION_STATUS_LABELS[status])).toEqual([
      'Sent to the pharmacy',
      'Received by the pharmacy',
      'Ready to collect',
      'Partly ready to collect',
      'Collected',
      'Cancelled',
      'Expired',
    ]);
  });

  it('names alert severities in one word', () => {
    expect(Object.values(ALERT_SEVERITY_LABELS)).toEqual(['Blocked', 'Contraindicated', 'Severe', 'Moderate', 'Caution']);
  });

  it('names a medicine by name, strength and form', () => {
    expect(medicineLabel({ name: 'Amoxicillin', strength: '500 mg', form: 'capsule' })).toBe('Amoxicillin 500 mg capsule');
    expect(medicineLabel({ name: 'Emollient', strength: '', form: 'cream' })).toBe('Emollient cream');
  });
});
