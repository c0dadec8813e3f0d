import { API, TriageAnswerRequest, TriageAssessRequest, TriageChatRequest, TriageResult, TriageSession, TriageSessionList } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as triage from '../../services/triage.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['triage'];
const PATIENT = { kind: 'signed-in', roles: ['patient'], patientData: true } as const;
const SessionParams = z.object({ sessionId: z.uuid('Use a session id from your symptom checks.') });

/** The symptom checker: anonymous single-shot and chat assessments, and a signed-in patient's kept chats. */
export function triageRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Public, like any symptom checker, so limited per address; nothing about the person is stored or logged.
  const publicLimit = { max: deps.config.triage.assessmentsPerMinute, timeWindow: '1 minute' };

  r.post(API.triageAssess, {
    schema: {
      tags: TAGS, summary: 'Assess a whole case in one call: triage, likely conditions, findings understood and the follow-up questions it would ask',
      body: TriageAssessRequest, response: { 200: TriageResult },
    },
    config: { access: { kind: 'public', reason: 'symptom checker (stores nothing)' }, rateLimit: publicLimit },
  }, async (req) => triage.assessAnonymously(deps.symptomChecker, { ...req.body, answers: {} }));

  r.post(API.triageChat, {
    schema: {
      tags: TAGS, summary: 'One turn of an anonymous symptom-checker chat: the description and the answers so far in, the assessment and next questions out',
      body: TriageChatRequest, response: { 200: TriageResult },
    },
    config: { access: { kind: 'public', reason: 'symptom checker (stores nothing)' }, rateLimit: publicLimit },
  }, async (req) => triage.assessAnonymously(deps.symptomChecker, req.body));

  r.get(API.myTriageSessions, {
    schema: { tags: TAGS, summary: 'Your symptom checks, newest first', response: { 200: TriageSessionList } },
    config: { access: PATIENT },
  }, async (req) => triage.listSessions(deps, req.ctx, requirePrincipal(req)));

  r.post(API.myTriageSessions, {
    schema: { tags: TAGS, summary: 'Start a symptom check, kept in your record', body: TriageAssessRequest, response: { 201: TriageSession } },
    config: { access: PATIENT },
  }, async (req, reply) => reply.code(201).send(await triage.startSession(deps, req.ctx, requirePrincipal(req), req.body)));

  r.get('/api/v1/me/triage-sessions/:sessionId', {
    schema: { tags: TAGS, summary: 'One of your symptom checks', params: SessionParams, response: { 200: TriageSession } },
    config: { access: PATIENT },
  }, async (req) => triage.getSession(deps, req.ctx, requirePrincipal(req), req.params.sessionId));

  r.post('/api/v1/me/triage-sessions/:sessionId/answers', {
    schema: { tags: TAGS, summary: 'Answer a question in your symptom check', params: SessionParams, body: TriageAnswerRequest, response: { 200: TriageSession } },
    config: { access: PATIENT },
  }, async (req) => triage.answerSession(deps, req.ctx, requirePrincipal(req), req.params.sessionId, req.body));

  r.delete('/api/v1/me/triage-sessions/:sessionId', {
    schema: { tags: TAGS, summary: 'Delete one of your symptom checks', params: SessionParams },
    config: { access: PATIENT },
  }, async (req, reply) => {
    await triage.deleteSession(deps, req.ctx, requirePrincipal(req), req.params.sessionId);
    return reply.code(204).send();
  });
}
