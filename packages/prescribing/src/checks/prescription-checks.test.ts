import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction, Medicine } from '../formulary/schema';
import { checkPrescription, maySign, type PatientContext } from './prescription-checks';

// Medicines of its own, so these tests are about the checks, not the shipped data.
const medicine = (name: string, classes: string[], more: Partial<Medicine> = {}): Medicine => ({
  id: `${name.toLowerCase()}-x`, name, strength: '500 mg', form: 'capsule', route: 'oral', therapeuticClass: 'x', classes,
  adultDose: '500 mg three times a day', childDose: null, maxDailyDose: 3000, doseUnit: 'mg', unitsPerDose: 500, minAgeYears: null,
  controlledSchedule: null, pregnancy: { level: 'generally-safe', note: 'fine' }, breastfeeding: { level: 'generally-safe', note: 'fine' },
  repeatable: false, references: [{ title: 'BNF', url: 'https://bnf.nice.org.uk/' }], ...more,
});
const amoxicillin = medicine('Amoxicillin', ['penicillin', 'beta-lactam']);
const clarithromycin = medicine('Clarithromycin', ['macrolide']);
const cefalexin = medicine('Cefalexin', ['cephalosporin', 'beta-lactam']);
const simvastatin = medicine('Simvastatin', ['statin'], { repeatable: true });
const ibuprofen = medicine('Ibuprofen', ['nsaid'], { maxDailyDose: 2400, unitsPerDose: 400, minAgeYears: 0.25, pregnancy: { level: 'avoid', note: 'Avoid in the third trimester.' } });
const naproxen = medicine('Naproxen', ['nsaid']);
const morphine = medicine('Morphine', ['opioid'], { controlledSchedule: 2 });
const codeine = medicine('Codeine', ['opioid-weak'], { controlledSchedule: 5 });
const interactions: Interaction[] = [
  { id: 'simvastatin-clarithromycin', a: 'simvastatin', b: 'clarithromycin', severity: 'contraindicated', effect: 'Raised statin levels and myopathy.', advice: 'Stop the statin during the course.', references: [{ title: 'BNF', url: 'https://bnf.nice.org.uk/' }] },
];
const patient = (more: Partial<PatientContext> = {}): PatientContext => ({ ageYears: 40, pregnant: false, breastfeeding: false, allergies: [], currentMedicines: [], ...more });
const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);

describe('checks before signing', () => {
  it('a penicillin allergy catches amoxicillin by class, not by name; a cephalosporin is not flagged as a penicillin', () => {
    const allergic = patient({ allergies: [{ substance: 'penicillin', reaction: 'hives' }] });
    const alerts = checkPrescription({ medicine: amoxicillin, dosesPerTime: 1, timesPerDay: 3 }, allergic, interactions);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'allergy', severity: 'severe', overridable: true })]);
    expect(alerts[0]!.message).toContain('penicillin');
    expect(checkPrescription({ medicine: clarithromycin, dosesPerTime: 1, timesPerDay: 2 }, allergic, interactions)).toEqual([]);
    expect(kinds(checkPrescription({ medicine: cefalexin, dosesPerTime: 1, timesPerDay: 3 }, patient({ allergies: [{ substance: 'beta-lactam', reaction: 'anaphylaxis' }] }), interactions))).toEqual(['allergy']);
  });

  it('an interaction with a current medicine, from the table, in either order', () => {
    const onStatin = patient({ currentMedicines: [simvastatin] });
    const alerts = checkPrescription({ medicine: clarithromycin, dosesPerTime: 1, timesPerDay: 2 }, onStatin, interactions);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'interaction', severity: 'contraindicated' })]);
    expect(kinds(checkPrescription({ medicine: simvastatin, dosesPerTime: 1, timesPerDay: 1 }, patient({ currentMedicines: [clarithromycin] }), interactions))).toContain('interaction');
  });

  it('duplicate therapy: a second NSAID', () => {
    expect(kinds(checkPrescription({ medicine: ibuprofen, dosesPerTime: 1, timesPerDay: 3 }, patient({ currentMedicines: [naproxen] }), interactions))).toEqual(['duplicate-therapy']);
  });

  it('the maximum daily dose: 2 × 400 mg four times a day is 3200 mg, above 2400 mg', () => {
    const alerts = checkPrescription({ medicine: ibuprofen, dosesPerTime: 2, timesPerDay: 4 }, patient(), interactions);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'maximum-dose', severity: 'severe' })]);
    expect(alerts[0]!.message).toContain('3200 mg');
    expect(checkPrescription({ medicine: ibuprofen, dosesPerTime: 1, timesPerDay: 3 }, patient(), interactions)).toEqual([]);
  });

  it('age and pregnancy cautions', () => {
    expect(kinds(checkPrescription({ medicine: ibuprofen, dosesPerTime: 1, timesPerDay: 3 }, patient({ ageYears: 0.1 }), interactions))).toEqual(['age']);
    expect(kinds(checkPrescription({ medicine: ibuprofen, dosesPerTime: 1, timesPerDay: 3 }, patient({ pregnant: true }), interactions))).toEqual(['pregnancy']);
  });

  it('Schedule 2 and 3 controlled drugs cannot be prescribed remotely, whatever reason is given; Schedule 5 can', () => {
    const alerts = checkPrescription({ medicine: morphine, dosesPerTime: 1, timesPerDay: 2 }, patient(), interactions);
    expect(alerts[0]).toMatchObject({ kind: 'controlled-drug', severity: 'blocked', overridable: false });
    expect(maySign(alerts, new Map([['controlled-drug', 'I am sure']]))).toMatchObject({ ok: false });
    expect(checkPrescription({ medicine: codeine, dosesPerTime: 1, timesPerDay: 4 }, patient(), interactions)).toEqual([]);
  });

  it('every alert but a caution needs a recorded reason before signing', () => {
    const alerts = checkPrescription({ medicine: amoxicillin, dosesPerTime: 1, timesPerDay: 3 }, patient({ allergies: [{ substance: 'amoxicillin', reaction: 'rash' }] }), interactions);
    expect(maySign(alerts, new Map())).toMatchObject({ ok: false });
    expect(maySign(alerts, new Map([['allergy:amoxicillin', 'ok']]))).toMatchObject({ ok: false });
    expect(maySign(alerts, new Map([['allergy:amoxicillin', 'Rash was viral, confirmed by allergy clinic']]))).toEqual({ ok: true });
  });

  it('property: an allergy to any of a medicine’s classes always raises an allergy alert, most severe alerts first', () => {
    const all = [amoxicillin, clarithromycin, cefalexin, simvastatin, ibuprofen, naproxen, codeine];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.subarray(all), fc.integer({ min: 0, max: 100 }), (m, current, age) => {
        for (const c of m.classes) {
          const alerts = checkPrescription({ medicine: m, dosesPerTime: 1, timesPerDay: 1 }, patient({ ageYears: age, currentMedicines: current, allergies: [{ substance: c, reaction: 'x' }] }), interactions);
          expect(kinds(alerts)).toContain('allergy');
          const order = ['blocked', 'contraindicated', 'severe', 'moderate', 'caution'];
          expect(alerts.map((a) => order.indexOf(a.severity))).toEqual([...alerts.map((a) => order.indexOf(a.severity))].sort((x, y) => x - y));
        }
      }),
      { numRuns: 300 },
    );
  });
});
