import type { ChatMessage, Consultation, ConsultationNotes, Participant, SavedConsultationNotes } from '@confide/contract';
import { consultationResource, recordingResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { appointmentRepository } from '../db/repositories/appointment.repository';
import { consultationRepository, type ConsultationOwner, type ConsultationRecord, type SegmentRow } from '../db/repositories/consultation.repository';
import type { PrincipalTx } from '../db/with-principal';
import { notFound, ProblemError } from '../errors/problem-error';
import { asPrincipal, type Guard } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

type ConsultationAction = 'prescription.issue' | 'consultation.join' | 'consultation.read' | 'consultation.chat' | 'consultation.end' | 'consultation-notes.read' | 'consultation-notes.write' | 'recording.view';

/**
 * A consultation the principal can see (RLS) and may act on (policy); anything else is 404, as if absent. When
 * row-level security hides an existing consultation, the policy still judges the attempt against its real owner,
 * so a refusal is audited in that patient's access history.
 */
export async function loadFor(tx: PrincipalTx, guard: Guard, id: string, action: ConsultationAction): Promise<ConsultationRecord> {
  const found = await consultationRepository.find(tx, id);
  if (!found) {
    const owner = await consultationRepository.ownerOf(tx, id);
    if (owner) await guard.authorize(action, consultationResource(owner), id);
    throw notFound();
  }
  await guard.authorize(action, consultationResource(found), id);
  return found;
}

const participantOf = (principal: Principal, c: ConsultationOwner): Participant => (principal.userId === c.clinicianId ? 'clinician' : 'patient');

const ended = () => new ProblemError(409, 'This consultation has ended', { code: 'consultation_ended', detail: 'The consultation has ended.' });

export interface JoinedConsultation {
  readonly record: ConsultationRecord;
  readonly you: Participant;
  readonly chat: ChatMessage[];
}

/** A participant enters the call, having seen the recording notice. Anyone else: audited as denied, then 404. */
export async function joinConsultation(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<JoinedConsultation> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const record = await loadFor(tx, guard, id, 'consultation.join');
    if (record.endedAt) throw ended();
    await recordAudit(tx, ctx.meta, [
      { action: 'viewed', resourceType: 'consultation', resourceId: id, patientId: record.patientId, detail: { joined: true, recordingNoticeSeen: true } },
    ]);
    return { record, you: participantOf(principal, record), chat: await consultationRepository.chat(tx, record) };
  });
}

export async function getConsultation(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Consultation> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, id, 'consultation.read');
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'consultation', resourceId: id, patientId: c.patientId }]);
    return {
      id: c.consultationId, appointmentId: c.appointmentId, mode: c.mode, startedAt: c.startedAt, endedAt: c.endedAt,
      you: participantOf(principal, c), patient: { name: c.patientName }, clinician: { name: c.clinicianName },
      chat: await consultationRepository.chat(tx, c), summary: await consultationRepository.summary(tx, c.consultationId),
    };
  });
}

/** An in-call message, stored with the consultation (the owners come from the joined consultation). */
export async function sendChat(deps: ServiceDeps, ctx: RequestContext, principal: Principal, owner: ConsultationOwner, text: string): Promise<ChatMessage> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('consultation.chat', consultationResource(owner));
    const saved = await consultationRepository.addChat(tx, owner, text);
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'consultation-message', resourceId: saved.id, patientId: owner.patientId }]);
    return { id: saved.id, from: participantOf(principal, owner), senderName: principal.displayName, text, sentAt: saved.sentAt };
  });
}

/** The clinician ends the consultation: the appointment is completed and the call closes for both. */
export async function endConsultation(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, id, 'consultation.end');
    if (c.endedAt) return;
    await appointmentRepository.setStatus(tx, c.appointmentId, 'completed');
    await appointmentRepository.endConsultation(tx, c.appointmentId);
    await recordAudit(tx, ctx.meta, [
      { action: 'updated', resourceType: 'consultation', resourceId: id, patientId: c.patientId, detail: { ended: true } },
      { action: 'updated', resourceType: 'appointment', resourceId: c.appointmentId, patientId: c.patientId, detail: { status: 'completed' } },
    ]);
  });
}

/** Commits one encrypted segment of the principal's own media to the consultation's recording. */
export async function commitSegment(deps: ServiceDeps, ctx: RequestContext, principal: Principal, owner: ConsultationOwner, segment: SegmentRow): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('recording.write', recordingResource(owner, segment.participant));
    await consultationRepository.addSegment(tx, owner, segment);
    await recordAudit(tx, ctx.meta, [
      { action: 'created', resourceType: 'recording-segment', resourceId: segment.id, patientId: owner.patientId, detail: { consultationId: owner.consultationId, seq: segment.seq } },
    ]);
  });
}

export async function nextSegmentSeq(deps: ServiceDeps, ctx: RequestContext, principal: Principal, owner: ConsultationOwner, participant: Participant): Promise<number> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('recording.write', recordingResource(owner, participant));
    return consultationRepository.nextSeq(tx, owner.consultationId, participant);
  });
}

export async function getNotes(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<SavedConsultationNotes> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, id, 'consultation-notes.read');
    const notes = await consultationRepository.notes(tx, id);
    const summary = await consultationRepository.summary(tx, id);
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'consultation-notes', resourceId: id, patientId: c.patientId }]);
    return {
      ...(notes ?? { subjective: '', objective: '', assessment: '', plan: '', outcomes: [], updatedAt: null }),
      patientSummary: summary ?? '',
    };
  });
}

export async function saveNotes(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, input: ConsultationNotes): Promise<SavedConsultationNotes> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, id, 'consultation-notes.write');
    await consultationRepository.saveNotes(tx, c, input);
    if (input.patientSummary.trim()) await consultationRepository.shareSummary(tx, c, input.patientSummary.trim());
    await recordAudit(tx, ctx.meta, [
      { action: 'updated', resourceType: 'consultation-notes', resourceId: id, patientId: c.patientId, detail: { sharedSummary: Boolean(input.patientSummary.trim()) } },
    ]);
  });
  return getNotes(deps, ctx, principal, id);
}
