import {
  CreateAvailabilityException,
  CreateAvailabilityRule,
  type AppointmentType,
} from '@confide/contract';
import type { Profession } from '@confide/domain';
import type { FieldErrors } from '../forms/field-errors';
import { fieldErrorsFromIssues, renameFields } from '../forms/field-errors';
import { CLINIC_TIME_ZONE, formatLongDate, instantFromLocal, isIsoDate, shortTime } from '../format/clinic-time';

/** The appointment types a clinician can offer: those of their profession, or all if it is not known. */
export function typesForProfession(types: readonly AppointmentType[], profession: Profession | null | undefined): AppointmentType[] {
  const own = profession ? types.filter((t) => t.profession === profession) : [];
  return own.length > 0 ? own : [...types];
}

/** A form's values once checked: the request to send, or the errors to show by input id. */
export type Checked<R> = { ok: true; request: R } | { ok: false; errors: FieldErrors };

// ---------- Weekly hours ----------

export interface RuleValues {
  appointmentTypeId: string;
  weekday: string;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string;
}

/** Input ids, in the order they appear, for the error summary. */
export const RULE_FIELDS = ['ruleAppointmentType', 'ruleWeekday', 'ruleStart', 'ruleEnd', 'ruleFrom', 'ruleUntil'] as const;

/** The API's names for the weekly hours fields → the form's input ids. */
export const RULE_FIELD_IDS: Record<string, string> = {
  appointmentTypeId: 'ruleAppointmentType',
  weekday: 'ruleWeekday',
  startTime: 'ruleStart',
  endTime: 'ruleEnd',
  validFrom: 'ruleFrom',
  validUntil: 'ruleUntil',
};

function toRuleRequest(values: RuleValues): CreateAvailabilityRule {
  return {
    appointmentTypeId: values.appointmentTypeId,
    weekday: Number(values.weekday),
    startTime: shortTime(values.startTime),
    endTime: shortTime(values.endTime),
    timeZone: CLINIC_TIME_ZONE,
    validFrom: values.validFrom,
    validUntil: values.validUntil === '' ? null : values.validUntil,
  };
}

/** Checks weekly hours with the schema the server uses (the server still decides). */
export function checkRule(values: RuleValues): Checked<CreateAvailabilityRule> {
  const errors: FieldErrors = {};
  if (!values.appointmentTypeId) errors.ruleAppointmentType = 'Choose the appointment type.';
  if (!values.startTime) errors.ruleStart = 'Enter the time these hours start, like 09:00.';
  if (!values.endTime) errors.ruleEnd = 'Enter the time these hours end, like 12:30.';
  if (!isIsoDate(values.validFrom)) errors.ruleFrom = 'Enter the first day these hours apply, for example 20/11/2026.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const request = toRuleRequest(values);
  const result = CreateAvailabilityRule.safeParse(request);
  if (!result.success) return { ok: false, errors: renameFields(fieldErrorsFromIssues(result.error.issues), RULE_FIELD_IDS) };
  return { ok: true, request };
}

// ---------- Leave and extra sessions ----------

export type ExceptionKind = 'leave' | 'extra';

export interface ExceptionValues {
  kind: ExceptionKind | '';
  appointmentTypeId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  note: string;
}

export const EXCEPTION_FIELDS = [
  'exceptionKind',
  'exceptionAppointmentType',
  'exceptionStartDate',
  'exceptionStartTime',
  'exceptionEndDate',
  'exceptionEndTime',
  'exceptionNote',
] as const;

export const EXCEPTION_FIELD_IDS: Record<string, string> = {
  kind: 'exceptionKind',
  appointmentTypeId: 'exceptionAppointmentType',
  startsAt: 'exceptionStartDate',
  endsAt: 'exceptionEndDate',
  note: 'exceptionNote',
};

function skippedMessage(date: string, time: string): string {
  return `There is no ${shortTime(time)} on ${formatLongDate(date)} in the UK, because the clocks go forward. Choose another time.`;
}

/**
 * Checks the leave or extra session form and turns its UK dates and times into instants with the right
 * offset for that day (GMT or BST), as the API wants.
 */
export function checkException(values: ExceptionValues): Checked<CreateAvailabilityException> {
  const errors: FieldErrors = {};
  if (!values.kind) errors.exceptionKind = 'Choose leave or an extra session.';
  if (values.kind === 'extra' && !values.appointmentTypeId) {
    errors.exceptionAppointmentType = 'Choose the appointment type for the extra session.';
  }
  if (!isIsoDate(values.startDate)) errors.exceptionStartDate = 'Enter the day it starts, for example 20/11/2026.';
  if (!values.startTime) errors.exceptionStartTime = 'Enter the time it starts, like 09:00.';
  if (!isIsoDate(values.endDate)) errors.exceptionEndDate = 'Enter the day it ends, for example 20/11/2026.';
  if (!values.endTime) errors.exceptionEndTime = 'Enter the time it ends, like 17:00.';
  if (values.note.trim().length > 200) errors.exceptionNote = 'Keep the note to 200 characters or fewer.';

  const start = errors.exceptionStartDate || errors.exceptionStartTime ? null : instantFromLocal(values.startDate, values.startTime);
  const end = errors.exceptionEndDate || errors.exceptionEndTime ? null : instantFromLocal(values.endDate, values.endTime);
  if (start && !start.ok) {
    errors.exceptionStartTime =
      start.reason === 'skipped' ? skippedMessage(values.startDate, values.startTime) : 'Enter a real time, like 09:00.';
  }
  if (end && !end.ok) {
    errors.exceptionEndTime = end.reason === 'skipped' ? skippedMessage(values.endDate, values.endTime) : 'Enter a real time, like 17:00.';
  }
  if (Object.keys(errors).length > 0 || !start?.ok || !end?.ok || !values.kind) return { ok: false, errors };

  const request: CreateAvailabilityException = {
    kind: values.kind,
    appointmentTypeId: values.kind === 'extra' ? values.appointmentTypeId : null,
    startsAt: start.iso,
    endsAt: end.iso,
    note: values.note.trim() === '' ? null : values.note.trim(),
  };
  const result = CreateAvailabilityException.safeParse(request);
  if (!result.success) return { ok: false, errors: renameFields(fieldErrorsFromIssues(result.error.issues), EXCEPTION_FIELD_IDS) };
  return { ok: true, request };
}
