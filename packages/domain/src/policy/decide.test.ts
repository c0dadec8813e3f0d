import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../identity/principal';
import { ROLES, type Role } from '../identity/roles';
import { ACTIONS, PATIENT_DATA_ACTIONS } from './actions';
import { decide, filterAllowed } from './decide';
import type { PolicyFacts, ResourceRef } from './resources';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
const arbId = fc.constantFrom(...ids);
const arbPrincipal: fc.Arbitrary<Principal> = fc.record({
  userId: arbId,
  displayName: fc.constant('Someone'),
  role: fc.constantFrom<Role>(...ROLES),
  sessionId: fc.constant('s'),
  patientId: fc.option(arbId, { nil: null }),
  organisationId: fc.option(arbId, { nil: null }),
  mfaSatisfied: fc.boolean(),
});
const arbResource: fc.Arbitrary<ResourceRef> = fc.oneof(
  arbId.map((patientId) => ({ kind: 'patient' as const, patientId })),
  arbId.map((userId) => ({ kind: 'account' as const, userId })),
  arbId.map((userId) => ({ kind: 'clinician' as const, userId })),
  fc.tuple(arbId, arbId).map(([patientId, clinicianId]) => ({ kind: 'appointment' as const, patientId, clinicianId })),
  fc.constant({ kind: 'clinic' as const }),
  arbId.map((organisationId) => ({ kind: 'partner' as const, organisationId })),
  fc.tuple(arbId, arbId).map(([patientId, clinicianId]) => ({ kind: 'consultation' as const, patientId, clinicianId })),
  fc.tuple(arbId, arbId, fc.constantFrom('patient' as const, 'clinician' as const)).map(([patientId, clinicianId, participant]) => ({ kind: 'recording' as const, patientId, clinicianId, participant })),
  fc.tuple(arbId, arbId, arbId).map(([patientId, prescriberId, pharmacyId]) => ({ kind: 'prescription' as const, patientId, prescriberId, pharmacyId })),
);
const arbFacts: fc.Arbitrary<PolicyFacts> = fc.tuple(fc.uniqueArray(arbId), fc.uniqueArray(arbId)).map(([care, glass]) => ({ carePatientIds: new Set(care), breakGlassPatientIds: new Set(glass) }));
const arbAction = fc.constantFrom(...ACTIONS);

describe('policy: decide()', () => {
  it('never lets a patient act on another patient’s data', () => {
    fc.assert(
      fc.property(arbPrincipal, arbAction, arbResource, arbFacts, (p, action, r, facts) => {
        if (p.role === 'patient' && (r.kind === 'patient' || r.kind === 'appointment') && r.patientId !== p.patientId) {
          expect(decide(p, action, r, facts).allowed).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lets clinicians reach a patient only with a care relationship: to see them and keep their allergies and medicines, never to change their details', () => {
    fc.assert(
      fc.property(arbPrincipal, arbAction, arbResource, arbFacts, (p, action, r, facts) => {
        // Declaring break-glass is not reaching data: it only records a reason (what it then opens is time-limited).
        if (p.role === 'clinician' && r.kind === 'patient' && action !== 'break-glass.open' && decide(p, action, r, facts).allowed) {
          expect(facts.carePatientIds.has(r.patientId)).toBe(true);
          expect(['patient.present', 'patient.read', 'clinical-record.read', 'clinical-record.manage']).toContain(action);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lets a clinician act only on their own appointments, and never book, cancel, move or check in for a patient', () => {
    fc.assert(
      fc.property(arbPrincipal, arbAction, arbResource, arbFacts, (p, action, r, facts) => {
        if (p.role === 'clinician' && r.kind === 'appointment' && decide(p, action, r, facts).allowed) {
          expect(r.clinicianId).toBe(p.userId);
          expect(['appointment.present', 'appointment.read', 'appointment.admit', 'appointment.record-outcome']).toContain(action);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('only the appointment’s patient checks in; only its clinician admits or records the outcome', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom('appointment.check-in' as const, 'appointment.admit' as const, 'appointment.record-outcome' as const), arbResource, arbFacts, (p, action, r, facts) => {
        const allowed = decide(p, action, r, facts).allowed;
        const expected =
          p.mfaSatisfied && r.kind === 'appointment' &&
          (action === 'appointment.check-in' ? p.role === 'patient' && p.patientId === r.patientId : p.role === 'clinician' && p.userId === r.clinicianId);
        expect(allowed).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives pharmacists, partner admins and clinic admins no patient data (a clinic admin only through declared break-glass; a pharmacist only prescriptions sent to their pharmacy)', () => {
    fc.assert(
      fc.property(arbPrincipal, arbAction, arbResource, arbFacts, (p, action, r, facts) => {
        const breakGlass = p.role === 'clinic_admin' && (action === 'break-glass.open'
          || ((action === 'recording.present' || action === 'recording.view') && r.kind === 'consultation' && facts.breakGlassPatientIds.has(r.patientId)));
        const ownPharmacy = p.role === 'pharmacist' && ['prescription.present', 'prescription.read', 'prescription.dispense'].includes(action)
          && r.kind === 'prescription' && p.organisationId !== null && r.pharmacyId === p.organisationId;
        if (['pharmacist', 'partner_admin', 'clinic_admin'].includes(p.role) && PATIENT_DATA_ACTIONS.has(action) && !breakGlass && !ownPharmacy) {
          expect(decide(p, action, r, facts).allowed).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('without two-step verification, allows nothing but reading one’s own account', () => {
    fc.assert(
      fc.property(arbPrincipal.map((p) => ({ ...p, mfaSatisfied: false })), arbAction, arbResource, arbFacts, (p, action, r, facts) => {
        const d = decide(p, action, r, facts);
        if (action !== 'account.read') expect(d).toEqual({ allowed: false, reason: 'mfa-required' });
        else expect(d.allowed).toBe(r.kind === 'account' && r.userId === p.userId);
      }),
      { numRuns: 1000 },
    );
  });

  it('a partner admin manages members and reads usage of their own organisation only; nobody else does', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom('partner-members.manage' as const, 'partner-usage.read' as const), arbResource, arbFacts, (p, action, r, facts) => {
        const expected = p.mfaSatisfied && p.role === 'partner_admin' && r.kind === 'partner' && p.organisationId !== null && r.organisationId === p.organisationId;
        expect(decide(p, action, r, facts).allowed).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('access routes (NHS registration, memberships) and symptom-checker chats are read and changed by their own patient only', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom('access-route.read' as const, 'access-route.manage' as const, 'triage-session.read' as const, 'triage-session.manage' as const), arbResource, arbFacts, (p, action, r, facts) => {
        const expected = p.mfaSatisfied && p.role === 'patient' && r.kind === 'patient' && p.patientId !== null && r.patientId === p.patientId;
        expect(decide(p, action, r, facts).allowed).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('only a consultation’s own patient and clinician join, read or chat in it; only its clinician ends it or touches notes', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom(...(['consultation.join', 'consultation.read', 'consultation.chat', 'consultation.end', 'consultation-notes.read', 'consultation-notes.write'] as const)), arbResource, arbFacts, (p, action, r, facts) => {
        const patient = p.role === 'patient' && r.kind === 'consultation' && p.patientId !== null && p.patientId === r.patientId;
        const clinician = p.role === 'clinician' && r.kind === 'consultation' && p.userId === r.clinicianId;
        const clinicianOnly = action === 'consultation.end' || action.startsWith('consultation-notes');
        // A care relationship (facts) never opens someone else's consultation.
        expect(decide(p, action, r, facts).allowed).toBe(p.mfaSatisfied && (clinician || (!clinicianOnly && patient)));
      }),
      { numRuns: 3000 },
    );
  });

  it('a recording is listed and played for its patient, its clinician, or a clinician or admin holding break-glass access to that patient', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const expected = p.mfaSatisfied && r.kind === 'consultation' && (
          (p.role === 'patient' && p.patientId !== null && p.patientId === r.patientId)
          || (p.role === 'clinician' && p.userId === r.clinicianId)
          || ((p.role === 'clinician' || p.role === 'clinic_admin') && facts.breakGlassPatientIds.has(r.patientId)));
        expect(decide(p, 'recording.present', r, facts).allowed).toBe(expected);
        expect(decide(p, 'recording.view', r, facts).allowed).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('only the consultation’s own patient may have its recording erased', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const expected = p.mfaSatisfied && p.role === 'patient' && r.kind === 'consultation' && p.patientId !== null && p.patientId === r.patientId;
        expect(decide(p, 'recording.erase', r, facts).allowed).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a connection records only its own participant’s media, into its own consultation', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const expected = p.mfaSatisfied && r.kind === 'recording' && (
          (r.participant === 'patient' && p.role === 'patient' && p.patientId !== null && p.patientId === r.patientId)
          || (r.participant === 'clinician' && p.role === 'clinician' && p.userId === r.clinicianId));
        expect(decide(p, 'recording.write', r, facts).allowed).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('a prescription is seen by its patient, its prescriber and the pharmacy it was sent to; nobody else, whatever their care relationships', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom('prescription.present' as const, 'prescription.read' as const), arbResource, arbFacts, (p, action, r, facts) => {
        const expected = p.mfaSatisfied && r.kind === 'prescription' && (
          (p.role === 'patient' && p.patientId !== null && p.patientId === r.patientId)
          || (p.role === 'clinician' && p.userId === r.prescriberId)
          || (p.role === 'pharmacist' && p.organisationId !== null && p.organisationId === r.pharmacyId));
        expect(decide(p, action, r, facts).allowed).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('only its pharmacy dispenses, only its prescriber cancels or decides a repeat, only its patient asks for one; only the consultation’s clinician issues', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const rx = r.kind === 'prescription';
        const pharmacy = rx && p.role === 'pharmacist' && p.organisationId !== null && p.organisationId === r.pharmacyId;
        const prescriber = rx && p.role === 'clinician' && p.userId === r.prescriberId;
        const patient = rx && p.role === 'patient' && p.patientId !== null && p.patientId === r.patientId;
        expect(decide(p, 'prescription.dispense', r, facts).allowed).toBe(p.mfaSatisfied && pharmacy);
        expect(decide(p, 'prescription.cancel', r, facts).allowed).toBe(p.mfaSatisfied && prescriber);
        expect(decide(p, 'repeat.decide', r, facts).allowed).toBe(p.mfaSatisfied && prescriber);
        expect(decide(p, 'repeat.request', r, facts).allowed).toBe(p.mfaSatisfied && patient);
        expect(decide(p, 'prescription.issue', r, facts).allowed).toBe(p.mfaSatisfied && r.kind === 'consultation' && p.role === 'clinician' && p.userId === r.clinicianId);
      }),
      { numRuns: 3000 },
    );
  });

  it('allergies and current medicines: read by the patient or a caring clinician, changed only by a caring clinician; a nomination is the patient’s own', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const own = r.kind === 'patient' && p.role === 'patient' && p.patientId !== null && p.patientId === r.patientId;
        const cares = r.kind === 'patient' && p.role === 'clinician' && facts.carePatientIds.has(r.patientId);
        expect(decide(p, 'clinical-record.read', r, facts).allowed).toBe(p.mfaSatisfied && (own || cares));
        expect(decide(p, 'clinical-record.manage', r, facts).allowed).toBe(p.mfaSatisfied && cares);
        expect(decide(p, 'pharmacy-nomination.read', r, facts).allowed).toBe(p.mfaSatisfied && own);
        expect(decide(p, 'pharmacy-nomination.manage', r, facts).allowed).toBe(p.mfaSatisfied && own);
      }),
      { numRuns: 3000 },
    );
  });

  it('clinic operations are for clinic admins only', () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom('staff.list' as const, 'outbox.read' as const, 'audit.verify' as const, 'feature.manage' as const, 'incident.manage' as const, 'pharmacy-directory.manage' as const), arbFacts, (p, action, facts) => {
        expect(decide(p, action, { kind: 'clinic' }, facts).allowed).toBe(p.role === 'clinic_admin' && p.mfaSatisfied);
      }),
    );
  });

  it('a prescriber replaces only their own signing key; only a clinic admin revokes one, any prescriber’s', () => {
    fc.assert(
      fc.property(arbPrincipal, arbResource, arbFacts, (p, r, facts) => {
        const isClinician = r.kind === 'clinician';
        expect(decide(p, 'signing-key.replace', r, facts).allowed).toBe(isClinician && p.mfaSatisfied && p.role === 'clinician' && r.userId === p.userId);
        expect(decide(p, 'signing-key.revoke', r, facts).allowed).toBe(isClinician && p.mfaSatisfied && p.role === 'clinic_admin');
      }),
    );
  });

  it('filterAllowed keeps exactly what decide allows (a list and a detail share one rule)', () => {
    fc.assert(
      fc.property(arbPrincipal, arbAction, fc.array(arbResource, { maxLength: 8 }), arbFacts, (p, action, items, facts) => {
        const kept = filterAllowed(p, action, items, (x) => x, facts);
        expect(kept).toEqual(items.filter((r) => decide(p, action, r, facts).allowed));
      }),
    );
  });
});
