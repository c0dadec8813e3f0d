import { API, CloseIncidentRequest, ReplayPlayback, StartReplayRequest, FEATURES, FeatureList, FeatureState, Incident, IncidentList, IncidentQuery, ReplayList, ReplayListQuery, SetFeatureRequest } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as operations from '../../services/operations.service';
import { openReplayMedia, startReplay } from '../../services/replay-playback.service';
import { eraseRecording, myReplays, openBreakGlass, patientReplays } from '../../services/replays.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const ADMIN = { kind: 'signed-in', roles: ['clinic_admin'], patientData: false } as const;

/** Consultation Replays, and the controls that guard them: kill switches and incidents. */
export function replaysRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.myReplays, {
    schema: { tags: ['replays'], summary: 'Consultation Replays: your recorded consultations, newest first (20 a page)', querystring: ReplayListQuery, response: { 200: ReplayList } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => myReplays(deps, req.ctx, requirePrincipal(req), req.query.cursor ?? null));

  r.post('/api/v1/consultations/:consultationId/replay/erase', {
    schema: {
      tags: ['replays'], summary: 'Erase your recording of a consultation (crypto-shredded), where the clinic may allow it',
      params: z.object({ consultationId: z.uuid('Use a consultation id from your replays.') }), response: { 200: z.object({ erasedSegments: z.number().int() }) },
    },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => eraseRecording(deps, req.ctx, requirePrincipal(req), req.params.consultationId));

  const VIEWERS = { kind: 'signed-in', roles: ['patient', 'clinician', 'clinic_admin'], patientData: true } as const;
  r.post('/api/v1/consultations/:consultationId/replay', {
    schema: {
      tags: ['replays'],
      summary: 'Play a recording: a viewing with media links bound to this session for 5 minutes (send viewingId to renew them)',
      params: z.object({ consultationId: z.uuid('Use a consultation id from your replays.') }), body: StartReplayRequest, response: { 200: ReplayPlayback },
    },
    config: { access: VIEWERS },
  }, async (req) => startReplay(deps, req.ctx, requirePrincipal(req), req.params.consultationId, req.body.viewingId));

  r.get('/api/v1/replay-media/:link/:participant', {
    schema: {
      tags: ['replays'],
      summary: "One participant's track of a recording, decrypted as it is sent; supports Range. Only in the session that started the viewing.",
      params: z.object({
        link: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Use the media link from the playback response.'),
        participant: z.enum(['patient', 'clinician'], 'Use patient or clinician.'),
      }),
      headers: z.object({ range: z.string().max(200).optional() }),
    },
    config: { access: VIEWERS },
  }, async (req, reply) => {
    const media = await openReplayMedia(deps, req.ctx, requirePrincipal(req), req.params.link, req.params.participant, req.headers.range);
    void reply.code(media.status).headers(media.headers);
    return reply.send(media.body ?? '');
  });

  const PatientParams = z.object({ patientId: z.uuid('Use a patient id.') });
  r.post('/api/v1/patients/:patientId/break-glass', {
    schema: {
      tags: ['replays'], summary: "Break-glass: declare a reason to open a patient's recordings for 30 minutes (admins alerted, patient told)",
      params: PatientParams,
      body: z.object({ reason: z.string().trim().min(10, 'Give the reason in a sentence (at least 10 characters): it is shown to the patient.').max(1000) }),
      response: { 201: z.object({ id: z.uuid(), expiresAt: z.string() }) },
    },
    config: { access: { kind: 'signed-in', roles: ['clinician', 'clinic_admin'], patientData: true } },
  }, async (req, reply) => reply.code(201).send(await openBreakGlass(deps, req.ctx, requirePrincipal(req), req.params.patientId, req.body.reason)));

  r.get('/api/v1/patients/:patientId/replays', {
    schema: { tags: ['replays'], summary: "A patient's recordings: your own consultations with them, or under break-glass", params: PatientParams, response: { 200: ReplayList } },
    config: { access: { kind: 'signed-in', roles: ['clinician', 'clinic_admin'], patientData: true } },
  }, async (req) => patientReplays(deps, req.ctx, requirePrincipal(req), req.params.patientId));

  r.get(API.features, {
    schema: { tags: ['operations'], summary: 'Which capabilities are switched on', response: { 200: FeatureList } },
    config: { access: { kind: 'signed-in', patientData: false } },
  }, async (req) => ({ items: await operations.listFeatures(deps, req.ctx, requirePrincipal(req)) }));

  r.put('/api/v1/admin/features/:feature', {
    schema: {
      tags: ['operations'], summary: 'Turn a capability on or off for everyone, on every server within seconds',
      params: z.object({ feature: z.enum(FEATURES, 'Use one of: replays, recording, booking, chat, prescribing.') }), body: SetFeatureRequest, response: { 200: FeatureState },
    },
    config: { access: ADMIN },
  }, async (req) => operations.setFeature(deps, req.ctx, requirePrincipal(req), req.params.feature, req.body));

  r.get(API.adminIncidents, {
    schema: { tags: ['operations'], summary: 'Incidents: cross-patient exposures the tripwire blocked', querystring: IncidentQuery, response: { 200: IncidentList } },
    config: { access: ADMIN },
  }, async (req) => ({ items: await operations.listIncidents(deps, req.ctx, requirePrincipal(req), req.query.status) }));

  r.post('/api/v1/admin/incidents/:incidentId/close', {
    schema: { tags: ['operations'], summary: 'Close an incident with what was found and done', params: z.object({ incidentId: z.uuid('Use an incident id from the list.') }), body: CloseIncidentRequest, response: { 200: Incident } },
    config: { access: ADMIN },
  }, async (req) => operations.closeIncident(deps, req.ctx, requirePrincipal(req), req.params.incidentId, req.body.resolution));
}
