import {
  IssuePrescriptionRequest,
  PrescriptionItemRequest,
  type FormularyMedicine,
  type PrescribingAlert,
  type Prescription,
} from '@confide/contract';
import { fieldErrorsFromIssues, renameFields, type FieldErrors } from '../forms/field-errors';
import type { Checked } from './availability-forms';

/** An answer to "Is the patient pregnant?" and "Is the patient breastfeeding?". */
export type Answer = 'yes' | 'no' | 'not-known';

export const ANSWER_OPTIONS: readonly { value: Answer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-known', label: 'Not known' },
];

export interface PrescribeValues {
  medicine: FormularyMedicine | null;
  dosesPerTime: string;
  timesPerDay: string;
  durationDays: string;
  quantity: string;
  instructions: string;
  pregnant: Answer | '';
  breastfeeding: Answer | '';
  repeatable: boolean;
}

export const EMPTY_PRESCRIPTION: PrescribeValues = {
  medicine: null,
  dosesPerTime: '',
  timesPerDay: '',
  durationDays: '',
  quantity: '',
  instructions: '',
  pregnant: '',
  breastfeeding: '',
  repeatable: false,
};

/** Input ids, in the order they appear, for the error summary. */
export const PRESCRIBE_FIELDS = [
  'medicine',
  'dosesPerTime',
  'timesPerDay',
  'durationDays',
  'quantity',
  'instructions',
  'pregnant',
  'breastfeeding',
  'repeatable',
] as const;

/** The API's field names → the form's input ids. */
export const PRESCRIBE_FIELD_IDS: Record<string, string> = { medicineId: 'medicine' };

/** The id of an alert's text, and of the reason given for going on despite it (alerts have no id-safe key). */
export const alertTextId = (index: number) => `alert-${index + 1}`;
export const alertReasonId = (index: number) => `alert-${index + 1}-reason`;

function numberOf(typed: string): number | undefined {
  const trimmed = typed.trim().replace(/,/g, '');
  return trimmed === '' ? undefined : Number(trimmed);
}

function answerOf(answer: Answer | ''): boolean | null {
  return answer === 'yes' ? true : answer === 'no' ? false : null;
}

/** Checks the prescription before asking the API to check it clinically (the API still decides). */
export function checkPrescriptionItem(values: PrescribeValues): Checked<PrescriptionItemRequest> {
  const errors: FieldErrors = {};
  if (!values.pregnant) errors.pregnant = 'Say whether the patient is pregnant: yes, no or not known.';
  if (!values.breastfeeding) errors.breastfeeding = 'Say whether the patient is breastfeeding: yes, no or not known.';
  const result = PrescriptionItemRequest.safeParse({
    medicineId: values.medicine?.id ?? '',
    dosesPerTime: numberOf(values.dosesPerTime),
    timesPerDay: numberOf(values.timesPerDay),
    durationDays: numberOf(values.durationDays),
    quantity: numberOf(values.quantity),
    instructions: values.instructions,
    pregnant: answerOf(values.pregnant),
    breastfeeding: answerOf(values.breastfeeding),
  });
  const all = result.success ? errors : { ...renameFields(fieldErrorsFromIssues(result.error.issues), PRESCRIBE_FIELD_IDS), ...errors };
  if (!result.success || Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, request: result.data };
}

/** The first alert that stops the prescription being signed at all, if any. */
export function blockingAlert(alerts: readonly PrescribingAlert[]): PrescribingAlert | undefined {
  return alerts.find((alert) => !alert.overridable);
}

/**
 * The request to sign: what was checked, whether repeats are allowed, and a reason (by alert code) for each alert
 * that needs one. Missing reasons are errors on the reason fields.
 */
export function issueRequest(
  item: PrescriptionItemRequest,
  repeatable: boolean,
  alerts: readonly PrescribingAlert[],
  reasons: Readonly<Record<string, string>>,
): Checked<IssuePrescriptionRequest> {
  const errors: FieldErrors = {};
  const overrides: IssuePrescriptionRequest['overrides'] = [];
  alerts.forEach((alert, index) => {
    if (!alert.needsReason) return;
    const reason = (reasons[alert.code] ?? '').trim();
    if (reason.length < 3) errors[alertReasonId(index)] = `Record why you are going on despite alert ${index + 1}.`;
    else overrides.push({ code: alert.code, reason });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const result = IssuePrescriptionRequest.safeParse({ ...item, repeatable, overrides });
  if (!result.success) return { ok: false, errors: renameFields(fieldErrorsFromIssues(result.error.issues), PRESCRIBE_FIELD_IDS) };
  return { ok: true, request: result.data };
}

/** The unit doses are counted in: a tablet, a capsule, 1 ml, a puff… (the formulary's `doseUnit`, or the form's). */
const COUNTED_UNITS = ['ml', 'puff', 'drop', 'application', 'patch', 'tablet', 'capsule', 'sachet', 'spray', 'dose'];

/**
 * What "how many each time" counts for a medicine: its dose unit when that is a thing taken (capsule, puff, ml),
 * otherwise (a strength such as mg) the thing its form comes in: the tablet, the capsule, the ml of liquid.
 */
export function doseCountUnit(medicine: Pick<FormularyMedicine, 'doseUnit' | 'form'>): string {
  if (COUNTED_UNITS.includes(medicine.doseUnit)) return medicine.doseUnit;
  const form = medicine.form.toLowerCase();
  const byForm: [RegExp, string][] = [
    [/tablet/, 'tablet'],
    [/capsule/, 'capsule'],
    [/solution|suspension|syrup|liquid|oral gel|mouthwash/, 'ml'],
    [/sachet/, 'sachet'],
    [/spray/, 'spray'],
    [/patch/, 'patch'],
    [/pessary/, 'pessary'],
    [/suppository/, 'suppository'],
    [/inhaler/, 'puff'],
    [/injection|pen|injector/, 'injection'],
    [/cream|ointment|gel|lotion|shampoo/, 'application'],
  ];
  return byForm.find(([pattern]) => pattern.test(form))?.[1] ?? 'dose';
}

/** "1 capsule", "2 capsules", "5 ml", "2 patches". */
export function unitWord(unit: string, count: number): string {
  if (count === 1 || unit === 'ml') return unit;
  if (/(ch|sh|s|x)$/.test(unit)) return `${unit}es`;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return `${unit}s`;
}

export function timesADay(times: number): string {
  return times === 1 ? 'once a day' : times === 2 ? 'twice a day' : `${times} times a day`;
}

/** Units that are supplied as a count of the same unit, so the course adds up to the quantity. */
const SUPPLIED_BY_COUNT = ['tablet', 'capsule', 'ml', 'sachet', 'patch', 'pessary', 'suppository'];

/** The hint under "Quantity to supply": what it is counted in and, once the dose is filled in, the course's total. */
export function quantityHint(values: Pick<PrescribeValues, 'medicine' | 'dosesPerTime' | 'timesPerDay' | 'durationDays'>): string {
  if (!values.medicine) return 'The total to supply.';
  const unit = doseCountUnit(values.medicine);
  if (!SUPPLIED_BY_COUNT.includes(unit)) return 'The number of packs to supply, like 1.';
  const each = numberOf(values.dosesPerTime);
  const times = numberOf(values.timesPerDay);
  const days = numberOf(values.durationDays);
  const hint = `The total number of ${unitWord(unit, 2)} to supply.`;
  if (![each, times, days].every((n) => n !== undefined && Number.isFinite(n) && n > 0)) return hint;
  const total = Math.round((each as number) * (times as number) * (days as number) * 100) / 100;
  const course = `${each} ${unitWord(unit, each as number)} ${timesADay(times as number)} for ${days} ${days === 1 ? 'day' : 'days'}`;
  return `${hint} ${course} is ${total} ${unitWord(unit, total)}.`;
}

/** How a prescription is taken, in one line: "1 capsule 3 times a day for 7 days". */
export function doseText(prescription: Pick<Prescription, 'medicine' | 'dosesPerTime' | 'timesPerDay' | 'durationDays'>): string {
  const unit = doseCountUnit(prescription.medicine);
  const days = prescription.durationDays === 1 ? 'day' : 'days';
  return `${prescription.dosesPerTime} ${unitWord(unit, prescription.dosesPerTime)} ${timesADay(prescription.timesPerDay)} for ${prescription.durationDays} ${days}`;
}
