import { describe, expect, it } from 'vitest';
import type { FormularyMedicine, PrescribingAlert } from '@confide/contract';
import {
  EMPTY_PRESCRIPTION,
  alertReasonId,
  blockingAlert,
  checkPrescriptionItem,
  doseCountUnit,
  doseText,
  issueRequest,
  quantityHint,
  unitWord,
  type PrescribeValues,
} from './prescribe-form';

const amoxicillin: FormularyMedicine = {
  id: 'amoxicillin-500mg-capsule',
  name: 'Amoxicillin',
  strength: '500 mg',
  form: 'capsule',
  route: 'oral',
  therapeuticClass: 'Penicillin antibiotic',
  adultDose: '500 mg three times a day for 5 days.',
  childDose: null,
  doseUnit: 'mg',
  maxDailyDose: 3000,
  controlledSchedule: null,
  repeatable: false,
};

const filled: PrescribeValues = {
  ...EMPTY_PRESCRIPTION,
  medicine: amoxicillin,
  dosesPerTime: '1',
  timesPerDay: '3',
  durationDays: '5',
  quantity: '15',
  instructions: '  Take one capsule three times a day  ',
  pregnant: 'no',
  breastfeeding: 'not-known',
};

const alert = (severity: PrescribingAlert['severity'], code: string, overridable = true): PrescribingAlert => ({
  code,
  kind: 'allergy',
  severity,
  message: `${severity} alert`,
  overridable,
  needsReason: severity !== 'caution',
});

describe('checking a prescription before the clinical checks', () => {
  it('turns the answers into the request', () => {
    expect(checkPrescriptionItem(filled)).toEqual({
      ok: true,
      request: {
        medicineId: 'amoxicillin-500mg-capsule',
        dosesPerTime: 1,
        timesPerDay: 3,
        durationDays: 5,
        quantity: 15,
        instructions: 'Take one capsule three times a day',
        pregnant: false,
        breastfeeding: null,
      },
    });
  });

  it('says what is missing, on each field', () => {
    const checked = checkPrescriptionItem(EMPTY_PRESCRIPTION);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(
      ['medicine', 'dosesPerTime', 'timesPerDay', 'durationDays', 'quantity', 'instructions', 'pregnant', 'breastfeeding'].sort(),
    );
    expect(checked.errors.medicine).toBe('Choose a medicine from the list.');
    expect(checked.errors.dosesPerTime).toBe('Enter how many to take each time.');
  });

  it('refuses words and part days where numbers are wanted', () => {
    const checked = checkPrescriptionItem({ ...filled, dosesPerTime: 'one', durationDays: '2.5' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({ dosesPerTime: 'Enter how many to take each time.', durationDays: 'Enter a whole number of days.' });
  });

  it('allows part doses, such as 2.5 ml', () => {
    expect(checkPrescriptionItem({ ...filled, dosesPerTime: '2.5' }).ok).toBe(true);
  });
});

describe('signing despite alerts', () => {
  const checked = checkPrescriptionItem(filled);
  if (!checked.ok) throw new Error('The filled-in prescription should pass.');
  const item = checked.request;

  it('sends a reason for each alert that needs one, and none for a caution', () => {
    const alerts = [alert('severe', 'allergy:penicillin'), alert('caution', 'pregnancy')];
    expect(issueRequest(item, true, alerts, { 'allergy:penicillin': '  Tolerated before  ', pregnancy: '' })).toEqual({
      ok: true,
      request: { ...item, repeatable: true, overrides: [{ code: 'allergy:penicillin', reason: 'Tolerated before' }] },
    });
  });

  it('asks for the missing reasons on their own fields', () => {
    const alerts = [alert('severe', 'maximum-dose'), alert('moderate', 'duplicate-therapy:x')];
    expect(issueRequest(item, false, alerts, { 'maximum-dose': 'ok' })).toEqual({
      ok: false,
      errors: {
        [alertReasonId(0)]: 'Record why you are going on despite alert 1.',
        [alertReasonId(1)]: 'Record why you are going on despite alert 2.',
      },
    });
  });

  it('finds the alert that blocks signing', () => {
    expect(blockingAlert([alert('severe', 'a'), alert('blocked', 'controlled-drug', false)])?.code).toBe('controlled-drug');
    expect(blockingAlert([alert('severe', 'a')])).toBeUndefined();
  });
});

describe('the units doses are counted in', () => {
  it('counts capsules and tablets for medicines dosed by strength, ml for liquids', () => {
    expect(doseCountUnit(amoxicillin)).toBe('capsule');
    expect(doseCountUnit({ doseUnit: 'mg', form: 'modified-release tablet' })).toBe('tablet');
    expect(doseCountUnit({ doseUnit: 'mg', form: 'oral suspension' })).toBe('ml');
    expect(doseCountUnit({ doseUnit: 'puff', form: 'inhaler' })).toBe('puff');
    expect(doseCountUnit({ doseUnit: 'unit', form: 'pre-filled pen' })).toBe('injection');
  });

  it('writes plurals', () => {
    expect(unitWord('capsule', 1)).toBe('capsule');
    expect(unitWord('capsule', 21)).toBe('capsules');
    expect(unitWord('ml', 5)).toBe('ml');
    expect(unitWord('patch', 2)).toBe('patches');
    expect(unitWord('pessary', 3)).toBe('pessaries');
  });

  it('adds up the course under the quantity', () => {
    expect(quantityHint(filled)).toBe('The total number of capsules to supply. 1 capsule 3 times a day for 5 days is 15 capsules.');
    expect(quantityHint({ ...filled, durationDays: '' })).toBe('The total number of capsules to supply.');
    expect(quantityHint({ ...filled, medicine: { ...amoxicillin, doseUnit: 'puff', form: 'inhaler' } })).toBe('The number of packs to supply, like 1.');
    expect(quantityHint(EMPTY_PRESCRIPTION)).toBe('The total to supply.');
  });

  it('says how a prescription is taken', () => {
    expect(doseText({ medicine: amoxicillin, dosesPerTime: 2, timesPerDay: 1, durationDays: 1 })).toBe('2 capsules once a day for 1 day');
  });
});
