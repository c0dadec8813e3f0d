import { describe, expect, it } from 'vitest';
import { checkPrescription } from '../checks/prescription-checks';
import { loadFormulary } from './formulary';
import { searchFormulary } from './search';

const f = loadFormulary();
const byName = (name: string) => f.medicines.find((m) => m.name.toLowerCase() === name)!;

describe('the shipped formulary', () => {
  it('has at least 300 common primary-care medicines, each with doses, class, cautions and a source (checked on load)', () => {
    expect(f.medicines.length).toBeGreaterThanOrEqual(300);
    expect(f.medicines.every((m) => m.references.length > 0 && m.adultDose.length > 0)).toBe(true);
  });

  it('has a table of clinically significant interactions, each side a known class or medicine', () => {
    expect(f.interactions.length).toBeGreaterThanOrEqual(100);
    expect(new Set(f.interactions.map((i) => i.severity))).toEqual(new Set(['contraindicated', 'severe', 'moderate']));
  });

  it('knows the controlled drugs: Schedules 2 and 3 are refused for remote prescribing', () => {
    for (const [name, schedule] of [['morphine', 2], ['tramadol', 3], ['pregabalin', 3], ['diazepam', 4]] as const) {
      const m = byName(name);
      expect(m, name).toBeDefined();
      expect(m.controlledSchedule, name).toBe(schedule);
    }
  });

  it('with the real data: amoxicillin for a penicillin-allergic patient is flagged; clarithromycin with simvastatin interacts', () => {
    const patient = { ageYears: 40, pregnant: false, breastfeeding: false, allergies: [{ substance: 'penicillin', reaction: 'rash' }], currentMedicines: [byName('simvastatin')] };
    expect(checkPrescription({ medicine: byName('amoxicillin'), dosesPerTime: 1, timesPerDay: 3 }, patient, f.interactions).map((a) => a.kind)).toContain('allergy');
    expect(checkPrescription({ medicine: byName('clarithromycin'), dosesPerTime: 1, timesPerDay: 2 }, patient, f.interactions).map((a) => a.kind)).toContain('interaction');
  });

  it('searches as you type', () => {
    const found = searchFormulary(f.medicines, 'amox');
    expect(found[0]!.name).toBe('Amoxicillin');
    expect(searchFormulary(f.medicines, 'amoxicillin susp').every((m) => m.form.includes('suspension'))).toBe(true);
    expect(searchFormulary(f.medicines, '')).toEqual([]);
  });
});
