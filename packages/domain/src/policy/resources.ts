/** What an action is done to. Patient data always names its patient. */
export type ResourceRef =
  | { readonly kind: 'patient'; readonly patientId: string }
  | { readonly kind: 'account'; readonly userId: string }
  | { readonly kind: 'appointment'; readonly patientId: string; readonly clinicianId: string }
  | { readonly kind: 'clinician'; readonly userId: string }
  | { readonly kind: 'partner'; readonly organisationId: string }
  | { readonly kind: 'consultation'; readonly patientId: string; readonly clinicianId: string }
  | { readonly kind: 'recording'; readonly patientId: string; readonly clinicianId: string; readonly participant: 'patient' | 'clinician' }
  | { readonly kind: 'prescription'; readonly patientId: string; readonly prescriberId: string; readonly pharmacyId: string }
  | { readonly kind: 'clinic' };

export const patientResource = (patientId: string): ResourceRef => ({ kind: 'patient', patientId });
export const accountResource = (userId: string): ResourceRef => ({ kind: 'account', userId });
export const appointmentResource = (a: { patientId: string; clinicianId: string }): ResourceRef => ({
  kind: 'appointment',
  patientId: a.patientId,
  clinicianId: a.clinicianId,
});
export const clinicianResource = (userId: string): ResourceRef => ({ kind: 'clinician', userId });
export const consultationResource = (c: { patientId: string; clinicianId: string }): ResourceRef => ({
  kind: 'consultation',
  patientId: c.patientId,
  clinicianId: c.clinicianId,
});
export const recordingResource = (c: { patientId: string; clinicianId: string }, participant: 'patient' | 'clinician'): ResourceRef => ({
  kind: 'recording',
  patientId: c.patientId,
  clinicianId: c.clinicianId,
  participant,
});
export const prescriptionResource = (rx: { patientId: string; prescriberId: string; pharmacyId: string }): ResourceRef => ({
  kind: 'prescription',
  patientId: rx.patientId,
  prescriberId: rx.prescriberId,
  pharmacyId: rx.pharmacyId,
});
export const partnerResource = (organisationId: string): ResourceRef => ({ kind: 'partner', organisationId });
export const CLINIC: ResourceRef = { kind: 'clinic' };

/**
 * Facts about the caller that the policy needs and the database holds, loaded (under row-level security)
 * before deciding. Kept explicit so `decide` stays a pure function.
 */
export interface PolicyFacts {
  /** Patients the calling clinician has an active care relationship with. */
  readonly carePatientIds: ReadonlySet<string>;
  /** Patients the caller (a clinician or clinic admin) holds unexpired break-glass access to. */
  readonly breakGlassPatientIds: ReadonlySet<string>;
}

export const NO_FACTS: PolicyFacts = { carePatientIds: new Set(), breakGlassPatientIds: new Set() };
