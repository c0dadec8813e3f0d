import type { Interaction, Medicine } from '../formulary/schema';

/** What the clinician is about to prescribe. */
export interface ProposedItem {
  readonly medicine: Medicine;
  /** How many units (tablets, capsules, ml, puffs, drops, applications…) per dose. */
  readonly dosesPerTime: number;
  readonly timesPerDay: number;
}

/** What the checks need to know about the patient, from their record. */
export interface PatientContext {
  readonly ageYears: number;
  readonly pregnant: boolean | null;
  readonly breastfeeding: boolean | null;
  /** Recorded allergies: each a class id (e.g. "penicillin") or a medicine's name in lower case. */
  readonly allergies: readonly { substance: string; reaction: string }[];
  /** Medicines the patient currently takes. */
  readonly currentMedicines: readonly Medicine[];
}

export type AlertSeverity = 'blocked' | 'contraindicated' | 'severe' | 'moderate' | 'caution';

export interface PrescribingAlert {
  /** Stable for the same prescription and patient (e.g. "allergy:penicillin"): what an override reason is recorded against. */
  readonly code: string;
  readonly kind: 'controlled-drug' | 'allergy' | 'interaction' | 'duplicate-therapy' | 'maximum-dose' | 'age' | 'pregnancy' | 'breastfeeding';
  readonly severity: AlertSeverity;
  readonly message: string;
  /** Whether the prescriber may go on after recording a reason (a remote Schedule 2 or 3 controlled drug: never). */
  readonly overridable: boolean;
}

const SEVERITY_ORDER: AlertSeverity[] = ['blocked', 'contraindicated', 'severe', 'moderate', 'caution'];

/** Names and classes a medicine answers to, for allergy and interaction matching. */
const identities = (m: Medicine): Set<string> => new Set([m.name.toLowerCase(), ...m.classes]);

/**
 * Every check before signing: remote controlled drugs (Schedules 2 and 3 are refused), recorded allergies (by
 * class, so a penicillin allergy catches amoxicillin), interactions with current medicines from the shipped table,
 * duplicate therapy (a shared class with something already taken), the maximum daily dose, and age, pregnancy and
 * breastfeeding cautions. Most severe first.
 */
export function checkPrescription(item: ProposedItem, patient: PatientContext, interactions: readonly Interaction[]): PrescribingAlert[] {
  const m = item.medicine;
  const alerts: PrescribingAlert[] = [];
  const mine = identities(m);

  if (m.controlledSchedule === 2 || m.controlledSchedule === 3) {
    alerts.push({
      code: 'controlled-drug', kind: 'controlled-drug', severity: 'blocked', overridable: false,
      message: `${m.name} is a Schedule ${m.controlledSchedule} controlled drug: it cannot be prescribed remotely. Arrange a face-to-face review.`,
    });
  }

  for (const allergy of patient.allergies) {
    const substance = allergy.substance.toLowerCase();
    if (mine.has(substance)) {
      alerts.push({
        code: `allergy:${substance}`, kind: 'allergy', severity: 'severe', overridable: true,
        message: `Recorded allergy to ${allergy.substance} (${allergy.reaction}): ${m.name} is ${substance === m.name.toLowerCase() ? 'that medicine' : `a ${substance} medicine`}.`,
      });
    }
  }

  for (const current of patient.currentMedicines) {
    const theirs = identities(current);
    for (const i of interactions) {
      const hit = (mine.has(i.a) && theirs.has(i.b)) || (mine.has(i.b) && theirs.has(i.a));
      if (!hit) continue;
      alerts.push({
        code: `interaction:${i.id}:${current.id}`, kind: 'interaction', severity: i.severity, overridable: true,
        message: `Interaction with ${current.name}: ${i.effect} ${i.advice}`,
      });
    }
    const shared = m.classes.filter((c) => c !== 'other' && current.classes.includes(c));
    if (shared.length > 0 && current.id !== m.id) {
      alerts.push({ code: `duplicate-therapy:${current.id}`, kind: 'duplicate-therapy', severity: 'moderate', overridable: true, message: `Duplicate therapy: the patient already takes ${current.name} (${shared.join(', ')}).` });
    } else if (current.id === m.id || current.name === m.name) {
      alerts.push({ code: `duplicate-therapy:${current.id}`, kind: 'duplicate-therapy', severity: 'moderate', overridable: true, message: `The patient already takes ${current.name}.` });
    }
  }

  if (m.maxDailyDose !== null && m.unitsPerDose !== null) {
    const daily = item.dosesPerTime * m.unitsPerDose * item.timesPerDay;
    if (daily > m.maxDailyDose + 1e-9) {
      alerts.push({
        code: 'maximum-dose', kind: 'maximum-dose', severity: 'severe', overridable: true,
        message: `${daily} ${m.doseUnit} a day is above the maximum of ${m.maxDailyDose} ${m.doseUnit} a day for ${m.name}.`,
      });
    }
  }

  if (m.minAgeYears !== null && patient.ageYears < m.minAgeYears) {
    alerts.push({ code: 'age', kind: 'age', severity: 'severe', overridable: true, message: `${m.name} is not usually prescribed under ${m.minAgeYears} years old (the patient is ${Math.floor(patient.ageYears)}).` });
  }
  if (patient.pregnant && m.pregnancy.level !== 'generally-safe') {
    alerts.push({ code: 'pregnancy', kind: 'pregnancy', severity: m.pregnancy.level === 'avoid' ? 'severe' : 'caution', overridable: true, message: `Pregnancy: ${m.pregnancy.note}` });
  }
  if (patient.breastfeeding && m.breastfeeding.level !== 'generally-safe') {
    alerts.push({ code: 'breastfeeding', kind: 'breastfeeding', severity: m.breastfeeding.level === 'avoid' ? 'severe' : 'caution', overridable: true, message: `Breastfeeding: ${m.breastfeeding.note}` });
  }

  return alerts.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** Every alert but a caution needs a recorded reason before the prescription may be signed. */
export const needsReason = (a: PrescribingAlert): boolean => a.severity !== 'caution';

/** Whether the prescription may be signed: nothing blocked, and a reason recorded for every other alert. */
export function maySign(alerts: readonly PrescribingAlert[], overrideReasons: ReadonlyMap<string, string>): { ok: true } | { ok: false; why: string; code: string } {
  const blocked = alerts.find((a) => !a.overridable);
  if (blocked) return { ok: false, why: blocked.message, code: blocked.code };
  const missing = alerts.find((a) => needsReason(a) && (overrideReasons.get(a.code)?.trim().length ?? 0) < 3);
  if (missing) return { ok: false, why: `Record why you are going on despite: ${missing.message}`, code: missing.code };
  return { ok: true };
}
