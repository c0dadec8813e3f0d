export * from './common.schema';
export * from './identity.schema';
export * from './audit.schema';
export * from './admin.schema';
export * from './appointments.schema';
export * from './access.schema';
export * from './calls.schema';
export * from './replays.schema';
export * from './triage.schema';

/** Every API path, in one place for the server's routes and the web app's client. */
export const API = {
  register: '/api/v1/auth/register',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  session: '/api/v1/auth/session',
  totpSetup: '/api/v1/auth/totp/setup',
  totpConfirm: '/api/v1/auth/totp/confirm',
  passwordReset: '/api/v1/auth/password-reset',
  passwordResetConfirm: '/api/v1/auth/password-reset/confirm',
  me: '/api/v1/me',
  myPatient: '/api/v1/me/patient',
  myAccessLog: '/api/v1/me/access-log',
  patients: '/api/v1/patients',
  patient: (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`,
  staff: '/api/v1/admin/staff',
  outbox: '/api/v1/admin/outbox',
  auditVerify: '/api/v1/admin/audit/verify',
  appointmentTypes: '/api/v1/appointment-types',
  slots: '/api/v1/slots',
  appointments: '/api/v1/appointments',
  appointment: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}`,
  cancelAppointment: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/cancel`,
  rescheduleAppointment: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/reschedule`,
  myAvailability: '/api/v1/clinician/availability',
  availabilityRules: '/api/v1/clinician/availability/rules',
  availabilityRule: (id: string) => `/api/v1/clinician/availability/rules/${encodeURIComponent(id)}`,
  availabilityExceptions: '/api/v1/clinician/availability/exceptions',
  availabilityException: (id: string) => `/api/v1/clinician/availability/exceptions/${encodeURIComponent(id)}`,
  clinicianDay: '/api/v1/clinician/day',
  waitingRoom: '/api/v1/clinician/waiting-room',
  checkIn: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/check-in`,
  admit: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/admit`,
  myAccess: '/api/v1/me/access',
  myNhsRegistration: '/api/v1/me/access/nhs',
  myMemberships: '/api/v1/me/access/memberships',
  partners: '/api/v1/partners',
  partnerPlans: '/api/v1/partner/plans',
  partnerMembers: '/api/v1/partner/members',
  partnerMember: (memberNumber: string) => `/api/v1/partner/members/${encodeURIComponent(memberNumber)}`,
  partnerMemberImport: '/api/v1/partner/members/import',
  partnerUsage: '/api/v1/partner/usage',
  consultation: (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}`,
  consultationSignal: (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}/signal`,
  consultationNotes: (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}/notes`,
  myReplays: '/api/v1/me/replays',
  patientReplays: (patientId: string) => `/api/v1/patients/${encodeURIComponent(patientId)}/replays`,
  patientBreakGlass: (patientId: string) => `/api/v1/patients/${encodeURIComponent(patientId)}/break-glass`,
  consultationReplay: (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}/replay`,
  replayMedia: (link: string, participant: 'patient' | 'clinician') => `/api/v1/replay-media/${encodeURIComponent(link)}/${participant}`,
  consultationReplayErase: (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}/replay/erase`,
  features: '/api/v1/features',
  adminFeature: (feature: string) => `/api/v1/admin/features/${encodeURIComponent(feature)}`,
  adminIncidents: '/api/v1/admin/incidents',
  adminIncidentClose: (id: string) => `/api/v1/admin/incidents/${encodeURIComponent(id)}/close`,
  appointmentOutcome: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/outcome`,
  triageAssess: '/api/v1/triage/assess',
  triageChat: '/api/v1/triage/chat',
  myTriageSessions: '/api/v1/me/triage-sessions',
  myTriageSession: (id: string) => `/api/v1/me/triage-sessions/${encodeURIComponent(id)}`,
  myTriageSessionAnswers: (id: string) => `/api/v1/me/triage-sessions/${encodeURIComponent(id)}/answers`,
} as const;

/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';
