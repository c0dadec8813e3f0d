import type { TriageAnswerRequest, TriageChatRequest, TriageResult, TriageSession, TriageSessionList } from '@confide/contract';
import { patientResource, type Principal } from '@confide/domain';
import type { CheckResult, SymptomChecker } from '@confide/triage';
import { recordAudit } from '../audit/audit-log';
import { triageRepository } from '../db/repositories/triage.repository';
import { badRequest, notFound } from '../errors/problem-error';
import type { PrincipalTx } from '../db/with-principal';
import { asPrincipal, type Guard } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** The checker's result as the API gives it, with what to book (not for an emergency: that is 999). */
export function toResult(r: CheckResult): TriageResult {
  const top = r.conditions[0];
  const profession = top?.profession === 'nurse' || top?.profession === 'therapist' || top?.profession === 'specialist' ? top.profession : 'gp';
  return {
    triage: r.triage.level,
    advice: { label: r.triage.label, text: r.triage.advice, crisis: r.triage.crisis },
    redFlags: r.redFlags,
    conditions: r.conditions.map(({ profession: _p, ...c }) => c),
    findings: r.findings,
    because: r.because,
    questions: r.questions,
    book: r.triage.level === 'emergency' ? null : { profession, urgency: r.triage.level === 'urgent' ? 'today' : 'soon' },
    safetyNet: r.safetyNet,
    understood: r.understood,
  };
}

/** The short summary a patient may attach to an appointment's reason. */
export function summaryOf(result: TriageResult): string {
  const present = result.findings.filter((f) => f.present).map((f) => f.label);
  const absent = result.findings.filter((f) => !f.present).map((f) => f.label);
  const likely = result.conditions.slice(0, 2).map((c) => `${c.name} (${Math.round(c.probability * 100)}%)`);
  const parts = [
    `Symptom checker: ${result.advice.label}.`,
    present.length ? `Has: ${present.join(', ')}.` : '',
    absent.length ? `Not: ${absent.join(', ')}.` : '',
    likely.length ? `Possible: ${likely.join(', ')}.` : '',
  ].filter(Boolean);
  const text = parts.join(' ');
  return text.length <= 400 ? text : `${text.slice(0, 397)}...`;
}

/** A whole case in one call, or one turn of an anonymous chat: nothing is stored about the person. */
export function assessAnonymously(checker: SymptomChecker, input: TriageChatRequest): TriageResult {
  return toResult(checker.check({ text: input.text, age: input.age, sex: input.sex, answers: input.answers ?? {}, notSure: input.notSure ?? [] }));
}

function checkSession(deps: ServiceDeps, s: Pick<TriageSession, 'text' | 'age' | 'sex'>, turns: TriageSession['turns']): TriageResult {
  const answered = turns.filter((t): t is typeof t & { answer: boolean } => t.answer !== null);
  return toResult(deps.symptomChecker.check({
    text: s.text, age: s.age, sex: s.sex,
    answers: Object.fromEntries(answered.map((t) => [t.findingId, t.answer])),
    notSure: turns.filter((t) => t.answer === null).map((t) => t.findingId),
  }));
}

type SessionAction = 'triage-session.read' | 'triage-session.manage';

/** A session the principal may act on; anything else is 404, a refused attempt audited against its real patient. */
async function sessionFor(tx: PrincipalTx, guard: Guard, id: string, action: SessionAction): Promise<TriageSession & { patientId: string }> {
  const session = await triageRepository.find(tx, id);
  if (!session) {
    const owner = await triageRepository.ownerOf(tx, id);
    if (owner) await guard.authorize(action, patientResource(owner), id, 'triage-session');
    throw notFound();
  }
  await guard.authorize(action, patientResource(session.patientId), id, 'triage-session');
  return session;
}

const requirePatient = (principal: Principal): string => {
  if (!principal.patientId) throw notFound();
  return principal.patientId;
};

/** A signed-in patient starts a chat: assessed at once, kept in their record. */
export async function startSession(deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: { text: string; age: number; sex: 'female' | 'male' }): Promise<TriageSession> {
  const patientId = requirePatient(principal);
  const result = checkSession(deps, input, []);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('triage-session.manage', patientResource(patientId));
    const session = await triageRepository.create(tx, patientId, { ...input, result, summary: summaryOf(result) });
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'triage-session', resourceId: session.id, patientId }]);
    return session;
  });
}

/** The patient answers a question; the assessment is brought up to date. */
export async function answerSession(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, input: TriageAnswerRequest): Promise<TriageSession> {
  const finding = deps.symptomChecker.kb.findings.get(input.findingId);
  if (!finding) throw badRequest('That question is not one the symptom checker asks.', [{ field: 'body.findingId', message: 'Use a findingId from the questions.' }]);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const session = await sessionFor(tx, guard, id, 'triage-session.manage');
    const turns = [...session.turns.filter((t) => t.findingId !== input.findingId), { findingId: input.findingId, question: finding.question, answer: input.answer }];
    if (turns.length > 40) throw badRequest('This chat has had as many answers as it can take. Start a new one.', [{ field: 'body.findingId', message: 'At most 40 answers.' }]);
    const result = checkSession(deps, session, turns);
    const updated = await triageRepository.update(tx, id, { turns, result, summary: summaryOf(result) });
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'triage-session', resourceId: id, patientId: session.patientId }]);
    return updated;
  });
}

export async function listSessions(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<TriageSessionList> {
  const patientId = requirePatient(principal);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('triage-session.read', patientResource(patientId));
    const items = await triageRepository.list(tx, patientId);
    await recordAudit(tx, ctx.meta, items.map((s) => ({ action: 'presented' as const, resourceType: 'triage-session', resourceId: s.id, patientId })));
    return { items };
  });
}

export async function getSession(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<TriageSession> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const session = await sessionFor(tx, guard, id, 'triage-session.read');
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'triage-session', resourceId: id, patientId: session.patientId }]);
    const { patientId: _p, ...rest } = session;
    return rest;
  });
}

export async function deleteSession(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const session = await sessionFor(tx, guard, id, 'triage-session.manage');
    await triageRepository.delete(tx, id);
    await recordAudit(tx, ctx.meta, [{ action: 'deleted', resourceType: 'triage-session', resourceId: id, patientId: session.patientId }]);
  });
}
