import type { Principal } from '../identity/principal';
import type { Action } from './actions';
import type { PolicyFacts, ResourceRef } from './resources';

export type DenyReason = 'mfa-required' | 'not-entitled' | 'wrong-role' | 'wrong-resource';

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: DenyReason };

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

function ownsPatient(p: Principal, r: ResourceRef): boolean {
  return r.kind === 'patient' && p.role === 'patient' && p.patientId !== null && r.patientId === p.patientId;
}

function caresFor(p: Principal, r: ResourceRef, facts: PolicyFacts): boolean {
  return r.kind === 'patient' && p.role === 'clinician' && facts.carePatientIds.has(r.patientId);
}

/** The patient a consultation (or its recording) belongs to. */
function isPatientOf(p: Principal, r: { patientId: string }): boolean {
  return p.role === 'patient' && p.patientId !== null && r.patientId === p.patientId;
}

/** The clinician who holds the consultation; a care relationship alone is not enough to enter someone's call. */
function isClinicianOf(p: Principal, r: { clinicianId: string }): boolean {
  return p.role === 'clinician' && r.clinicianId === p.userId;
}

/** The clinician who signed the prescription. */
function isPrescriberOf(p: Principal, r: { prescriberId: string }): boolean {
  return p.role === 'clinician' && r.prescriberId === p.userId;
}

/** A pharmacist of the pharmacy the prescription was sent to. */
function isPharmacyOf(p: Principal, r: { pharmacyId: string }): boolean {
  return p.role === 'pharmacist' && p.organisationId !== null && r.pharmacyId === p.organisationId;
}

/** Unexpired break-glass access, declared with a reason by a clinician or clinic admin. */
function holdsBreakGlass(p: Principal, r: { patientId: string }, facts: PolicyFacts): boolean {
  return (p.role === 'clinician' || p.role === 'clinic_admin') && facts.breakGlassPatientIds.has(r.patientId);
}

/**
 * THE policy: who may do what to which resource. Pure, total, and deny by default:
 * every action has a case; anything not allowed there is denied.
 */
export function decide(p: Principal, action: Action, r: ResourceRef, facts: PolicyFacts): Decision {
  // Staff who have not passed two-step verification may read their own account (to enrol) and nothing else.
  if (action !== 'account.read' && !p.mfaSatisfied) return deny('mfa-required');
  switch (action) {
    case 'account.read':
      return r.kind === 'account' && r.userId === p.userId ? ALLOW : deny('not-entitled');
    case 'patient.present':
    case 'patient.read':
      if (r.kind !== 'patient') return deny('wrong-resource');
      return ownsPatient(p, r) || caresFor(p, r, facts) ? ALLOW : deny('not-entitled');
    case 'patient.update':
      if (r.kind !== 'patient') return deny('wrong-resource');
      return ownsPatient(p, r) ? ALLOW : deny('not-entitled');
    case 'access-log.read':
    case 'access-route.read':
    case 'access-route.manage':
    case 'triage-session.read':
    case 'triage-session.manage':
    case 'pharmacy-nomination.read':
    case 'pharmacy-nomination.manage':
      if (r.kind !== 'patient') return deny('wrong-resource');
      return ownsPatient(p, r) ? ALLOW : deny('not-entitled');
    case 'clinical-record.read':
      if (r.kind !== 'patient') return deny('wrong-resource');
      return ownsPatient(p, r) || caresFor(p, r, facts) ? ALLOW : deny('not-entitled');
    case 'clinical-record.manage':
      if (r.kind !== 'patient') return deny('wrong-resource');
      return caresFor(p, r, facts) ? ALLOW : deny('not-entitled');
    case 'prescription.issue':
      if (r.kind !== 'consultation') return deny('wrong-resource');
      return isClinicianOf(p, r) ? ALLOW : deny('not-entitled');
    case 'prescription.present':
    case 'prescription.read':
      if (r.kind !== 'prescription') return deny('wrong-resource');
      return isPatientOf(p, r) || isPrescriberOf(p, r) || isPharmacyOf(p, r) ? ALLOW : deny('not-entitled');
    case 'prescription.cancel':
    case 'repeat.decide':
      if (r.kind !== 'prescription') return deny('wrong-resource');
      return isPrescriberOf(p, r) ? ALLOW : deny('not-entitled');
    case 'prescription.dispense':
      if (r.kind !== 'prescription') return deny('wrong-resource');
      return isPharmacyOf(p, r) ? ALLOW : deny('not-entitled');
    case 'repeat.request':
      if (r.kind !== 'prescription') return deny('wrong-resource');
      return isPatientOf(p, r) ? ALLOW : deny('not-entitled');
    case 'staff.list':
    case 'outbox.read':
    case 'audit.verify':
    case 'feature.manage':
    case 'incident.manage':
    case 'pharmacy-directory.manage':
      if (r.kind !== 'clinic') return deny('wrong-resource');
      return p.role === 'clinic_admin' ? ALLOW : deny('wrong-role');
    case 'appointment.book':
    case 'appointment.cancel':
    case 'appointment.reschedule':
    case 'appointment.check-in':
      if (r.kind !== 'appointment') return deny('wrong-resource');
      return p.role === 'patient' && p.patientId !== null && r.patientId === p.patientId ? ALLOW : deny('not-entitled');
    case 'appointment.present':
    case 'appointment.read':
      if (r.kind !== 'appointment') return deny('wrong-resource');
      if (p.role === 'patient') return p.patientId !== null && r.patientId === p.patientId ? ALLOW : deny('not-entitled');
      return p.role === 'clinician' && r.clinicianId === p.userId ? ALLOW : deny('not-entitled');
    case 'appointment.admit':
    case 'appointment.record-outcome':
      if (r.kind !== 'appointment') return deny('wrong-resource');
      return p.role === 'clinician' && r.clinicianId === p.userId ? ALLOW : deny('not-entitled');
    case 'availability.manage':
    case 'signing-key.replace':
      if (r.kind !== 'clinician') return deny('wrong-resource');
      return p.role === 'clinician' && r.userId === p.userId ? ALLOW : deny('not-entitled');
    case 'signing-key.revoke':
      if (r.kind !== 'clinician') return deny('wrong-resource');
      return p.role === 'clinic_admin' ? ALLOW : deny('wrong-role');
    case 'partner-members.manage':
    case 'partner-usage.read':
      if (r.kind !== 'partner') return deny('wrong-resource');
      return p.role === 'partner_admin' && p.organisationId !== null && r.organisationId === p.organisationId ? ALLOW : deny('not-entitled');
    case 'consultation.join':
    case 'consultation.read':
    case 'consultation.chat':
      if (r.kind !== 'consultation') return deny('wrong-resource');
      return isPatientOf(p, r) || isClinicianOf(p, r) ? ALLOW : deny('not-entitled');
    case 'recording.present':
    case 'recording.view':
      if (r.kind !== 'consultation') return deny('wrong-resource');
      return isPatientOf(p, r) || isClinicianOf(p, r) || holdsBreakGlass(p, r, facts) ? ALLOW : deny('not-entitled');
    case 'break-glass.open':
      // Declaring a reason is open to clinicians and clinic admins; what it grants is time-limited and audited.
      if (r.kind !== 'patient') return deny('wrong-resource');
      return p.role === 'clinician' || p.role === 'clinic_admin' ? ALLOW : deny('wrong-role');
    case 'recording.erase':
      if (r.kind !== 'consultation') return deny('wrong-resource');
      return isPatientOf(p, r) ? ALLOW : deny('not-entitled');
    case 'consultation.end':
    case 'consultation-notes.read':
    case 'consultation-notes.write':
      if (r.kind !== 'consultation') return deny('wrong-resource');
      return isClinicianOf(p, r) ? ALLOW : deny('not-entitled');
    case 'recording.write':
      // Each participant's connection records only that participant's own media.
      if (r.kind !== 'recording') return deny('wrong-resource');
      return (r.participant === 'patient' && isPatientOf(p, r)) || (r.participant === 'clinician' && isClinicianOf(p, r)) ? ALLOW : deny('not-entitled');
    default: {
      const unhandled: never = action;
      void unhandled;
      return deny('not-entitled');
    }
  }
}

/** The subset of `items` the principal may have `action` done on; a list and a detail page share one rule. */
export function filterAllowed<T>(
  p: Principal,
  action: Action,
  items: readonly T[],
  refOf: (item: T) => ResourceRef,
  facts: PolicyFacts,
): T[] {
  return items.filter((item) => decide(p, action, refOf(item), facts).allowed);
}
