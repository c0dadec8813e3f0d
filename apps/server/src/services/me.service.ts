import type { AccessLog, AccessLogEntry, Me, PatientProfile, UpdatePatientRequest } from '@confide/contract';
import { accountResource, isStaffRole, patientResource, type Principal } from '@confide/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { accountRepository } from '../db/repositories/account.repository';
import { auditRepository, type AuditRecord } from '../db/repositories/audit.repository';
import { patientRepository } from '../db/repositories/patient.repository';
import { notFound, unauthorized } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** The signed-in person: their account, and their patient record (patients) or staff profile (staff). */
export async function loadMe(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<Me> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('account.read', accountResource(principal.userId));
    const account = await accountRepository.findSelf(tx);
    if (!account) throw unauthorized();
    let patient: PatientProfile | null = null;
    if (principal.patientId) {
      await guard.authorize('patient.read', patientResource(principal.patientId));
      patient = await patientRepository.findById(tx, principal.patientId);
      if (!patient) throw notFound();
      await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'patient', resourceId: patient.id, patientId: patient.id }]);
    }
    const staff = isStaffRole(account.role);
    return {
      id: account.id,
      email: account.email,
      role: account.role,
      displayName: account.displayName,
      mfa: { required: staff, enrolled: account.mfaEnrolled, satisfied: principal.mfaSatisfied },
      patient,
      staff: staff ? account.staff : null,
    };
  });
}

/** A patient changes their own contact details. */
export async function updateMyPatient(
  deps: ServiceDeps,
  ctx: RequestContext,
  principal: Principal,
  change: z.output<typeof UpdatePatientRequest>,
): Promise<PatientProfile> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('patient.update', patientResource(patientId));
    const updated = await patientRepository.updateContact(tx, patientId, change);
    if (!updated) throw notFound();
    await recordAudit(tx, ctx.meta, [
      { action: 'updated', resourceType: 'patient', resourceId: patientId, patientId, detail: { fields: Object.keys(change).sort() } },
    ]);
    return updated;
  });
}

const RESOURCE_NOUNS: Record<string, string> = {
  patient: 'your personal details',
  account: 'your account',
  'access-log': 'your access history',
  'password-reset': 'a password reset',
  outbox: 'a message to you',
  appointment: 'your appointment',
  'access-routes': 'how you can book (NHS, memberships)',
  'nhs-registration': 'your NHS registration',
  membership: 'your partner membership',
  'break-glass': 'emergency (break-glass) access to your recordings',
  recording: 'your consultation recording',
  consultation: 'your consultation',
  'triage-session': 'your symptom check',
  prescription: 'your prescription',
  'repeat-request': 'your request for a repeat prescription',
  'clinical-record': 'your allergies and medicines',
  allergy: 'an allergy on your record',
  'current-medicine': 'a medicine on your record',
  'pharmacy-nomination': 'your chosen pharmacy',
};

const ACTION_VERBS: Record<AccessLogEntry['action'], string> = {
  presented: 'saw in a list',
  viewed: 'opened',
  created: 'created',
  updated: 'changed',
  deleted: 'deleted',
  denied: 'tried to open (blocked)',
  login: 'signed in to',
  login_failed: 'failed to sign in to',
  logout: 'signed out of',
};

function describe(r: AuditRecord): string {
  const verb = r.action === 'viewed' && r.resourceType === 'recording' ? 'played' : ACTION_VERBS[r.action];
  return `${verb} ${RESOURCE_NOUNS[r.resourceType] ?? r.resourceType}`;
}

/** Staff are named; another patient never is (their name is their data, not yours). */
function describeActor(r: AuditRecord, you: Principal): AccessLogEntry['actor'] {
  if (r.actorUserId === you.userId) return { isYou: true, name: 'You', role: r.actorRole };
  if (r.actorUserId === null) return { isYou: false, name: 'Someone who was not signed in', role: null };
  if (r.actorRole === 'patient') return { isYou: false, name: 'Another Confide user', role: 'patient' };
  return { isYou: false, name: r.actorName ?? 'A member of staff', role: r.actorRole };
}

const PAGE_SIZE = 50;

/** Who has accessed the patient's data: every audit entry about it, newest first. */
export async function myAccessLog(
  deps: ServiceDeps,
  ctx: RequestContext,
  principal: Principal,
  cursor: string | null,
): Promise<AccessLog> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('access-log.read', patientResource(patientId));
    const records = await auditRepository.forPatient(tx, patientId, cursor, PAGE_SIZE + 1);
    const page = records.slice(0, PAGE_SIZE);
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'access-log', resourceId: patientId, patientId }]);
    return {
      items: page.map((r) => {
        return {
          id: r.id,
          at: r.at.toISOString(),
          actor: describeActor(r, principal),
          action: r.action,
          resourceType: r.resourceType,
          description: describe(r),
          outcome: r.outcome,
          breakGlass: r.breakGlass ?? false,
          reason: r.reason ?? null,
          recording: r.recording ? { ...r.recording, startedAt: r.recording.startedAt.toISOString() } : null,
        };
      }),
      nextCursor: records.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
