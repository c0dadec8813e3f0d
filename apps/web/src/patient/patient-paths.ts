import { ROLE_BASE_PATH } from '../session/role-paths';

const BASE = ROLE_BASE_PATH.patient;

export const BOOK_PATH = `${BASE}/book`;
export const BOOK_CONFIRM_PATH = `${BASE}/book/confirm`;
export const APPOINTMENTS_PATH = `${BASE}/appointments`;
/** NHS registration and insurer or employer memberships: how the patient may book. */
export const ACCESS_PATH = `${BASE}/access`;
/** Consultation Replays: the patient's recordings, each with a player at `${REPLAYS_PATH}/:consultationId`. */
export const REPLAYS_PATH = `${BASE}/replays`;

export function cancelAppointmentPath(appointmentId: string): string {
  return `${APPOINTMENTS_PATH}/${encodeURIComponent(appointmentId)}/cancel`;
}

export function changeAppointmentTimePath(appointmentId: string): string {
  return `${APPOINTMENTS_PATH}/${encodeURIComponent(appointmentId)}/change-time`;
}

export function checkInPath(appointmentId: string): string {
  return `${APPOINTMENTS_PATH}/${encodeURIComponent(appointmentId)}/check-in`;
}

/** After a consultation: the clinician's summary and the messages. */
export function consultationSummaryPath(consultationId: string): string {
  return `${BASE}/consultations/${encodeURIComponent(consultationId)}`;
}

/** The symptom checker, kept in the patient's record: start one, and the list of previous checks. */
export const SYMPTOMS_PATH = `${BASE}/symptoms`;

/** One kept symptom check: the conversation and advice, and carrying on answering. */
export function symptomCheckPath(sessionId: string): string {
  return `${SYMPTOMS_PATH}/${encodeURIComponent(sessionId)}`;
}

/** "Delete this symptom check?" */
export function deleteSymptomCheckPath(sessionId: string): string {
  return `${symptomCheckPath(sessionId)}/delete`;
}

/** The patient's prescriptions, newest first, with their repeat requests and their allergies and medicines. */
export const PRESCRIPTIONS_PATH = `${BASE}/prescriptions`;

/** One prescription: where it has got to, and asking for a repeat. */
export function prescriptionPath(prescriptionId: string): string {
  return `${PRESCRIPTIONS_PATH}/${encodeURIComponent(prescriptionId)}`;
}

/** The patient's nominated pharmacy, and finding another near them. */
export const PHARMACY_PATH = `${BASE}/pharmacy`;
