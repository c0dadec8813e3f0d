/**
 * Every action the policy module decides, named `resource.verb`.
 * Adding an action here without a case in `decide` is a type error.
 */
export const ACTIONS = [
  'account.read', // one's own account (allowed before two-step verification, so staff can enrol)
  'patient.present', // a patient appears in a list the caller sees
  'patient.read', // a patient's record is opened
  'patient.update', // a patient's details are changed
  'access-log.read', // the audit entries about one patient's data are read
  'staff.list', // the clinic's staff list
  'outbox.read', // the development outbox of messages
  'audit.verify', // check the audit log's hash chain
  'appointment.book', // a patient books for themselves
  'appointment.present', // an appointment appears in a list (the patient's, or the clinician's day)
  'appointment.read', // an appointment is opened
  'appointment.cancel',
  'appointment.reschedule',
  'availability.manage', // a clinician's own hours and exceptions
  'appointment.check-in', // the patient arrives in the waiting room
  'appointment.admit', // the clinician admits the patient: the consultation begins
  'appointment.record-outcome', // the clinician marks it completed or missed
  'access-route.read', // a patient's own NHS registration, partner memberships and what they may book
  'access-route.manage', // a patient registers with the practice or links a partner membership
  'partner-members.manage', // a partner admin reads and changes their own organisation's member list
  'partner-usage.read', // a partner admin reads aggregate usage counts for their own organisation
  'consultation.join', // enter the consultation's call (its patient or its clinician only)
  'consultation.read', // open the consultation: its chat and the summary shared with the patient
  'consultation.chat', // send an in-call message
  'consultation.end', // the clinician ends the consultation
  'consultation-notes.read', // the clinician's notes (SOAP and outcome)
  'consultation-notes.write',
  'recording.write', // commit a segment of one's own media to the consultation's recording
  'recording.present', // a consultation's recording appears in a list (Consultation Replays)
  'recording.view', // a consultation's recording is played (streamed) or downloaded
  'recording.erase', // the patient has their own recording crypto-shredded (where the law allows)
  'break-glass.open', // a clinician or clinic admin declares a reason to open a patient's recordings for 30 minutes
  'triage-session.read', // a patient's own symptom-checker chats (list, open)
  'triage-session.manage', // start, answer and delete one's own symptom-checker chats
  'clinical-record.read', // a patient's recorded allergies and current medicines (the patient, or a clinician caring for them)
  'clinical-record.manage', // record or remove an allergy or a current medicine (a clinician caring for the patient)
  'pharmacy-nomination.read', // the patient's own nominated pharmacy
  'pharmacy-nomination.manage', // the patient nominates or changes their pharmacy
  'prescription.issue', // sign and send a prescription from a consultation (its clinician)
  'prescription.present', // a prescription appears in a list (the patient's, the prescriber's, its pharmacy's)
  'prescription.read', // a prescription is opened
  'prescription.cancel', // the prescriber cancels it before it is dispensed
  'prescription.dispense', // its pharmacy receives, dispenses and marks it collected
  'repeat.request', // the patient asks for a repeat of their own prescription
  'repeat.decide', // the prescriber approves (a new signed prescription) or declines a repeat
  'pharmacy-directory.manage', // import pharmacies and postcodes into the directory
  'signing-key.replace', // a prescriber replaces their own prescription-signing key
  'signing-key.revoke', // a clinic admin revokes a prescriber's signing key that may be compromised
  'feature.manage', // turn a capability on or off for everyone (kill switch)
  'incident.manage', // read and close incidents
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions whose resource is one patient's data: denial answers 404, as if the thing did not exist. */
export const PATIENT_DATA_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'patient.present',
  'patient.read',
  'patient.update',
  'access-log.read',
  'appointment.book',
  'appointment.present',
  'appointment.read',
  'appointment.cancel',
  'appointment.reschedule',
  'appointment.check-in',
  'appointment.admit',
  'appointment.record-outcome',
  'access-route.read',
  'access-route.manage',
  'consultation.join',
  'consultation.read',
  'consultation.chat',
  'consultation.end',
  'consultation-notes.read',
  'consultation-notes.write',
  'recording.write',
  'recording.present',
  'recording.view',
  'recording.erase',
  'break-glass.open',
  'triage-session.read',
  'triage-session.manage',
  'clinical-record.read',
  'clinical-record.manage',
  'pharmacy-nomination.read',
  'pharmacy-nomination.manage',
  'prescription.issue',
  'prescription.present',
  'prescription.read',
  'prescription.cancel',
  'prescription.dispense',
  'repeat.request',
  'repeat.decide',
]);
