import { AccessLog, API, Me, PatientProfile, UpdatePatientRequest } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadMe, myAccessLog, updateMyPatient } from '../../services/me.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['me'];

export function meRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.me, {
    schema: { tags: TAGS, summary: 'Your account and profile', response: { 200: Me } },
    config: { access: { kind: 'signed-in', allowWithoutMfa: true, patientData: true } },
  }, async (req) => loadMe(deps, req.ctx, requirePrincipal(req)));

  r.patch(API.myPatient, {
    schema: { tags: TAGS, summary: 'Change your contact details', body: UpdatePatientRequest, response: { 200: PatientProfile } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => updateMyPatient(deps, req.ctx, requirePrincipal(req), req.body));

  r.get(API.myAccessLog, {
    schema: {
      tags: TAGS,
      summary: 'Who has accessed your data, newest first',
      querystring: z.object({ cursor: z.string().regex(/^\d{1,18}$/, 'Use the nextCursor value from the previous page.').optional() }),
      response: { 200: AccessLog },
    },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => myAccessLog(deps, req.ctx, requirePrincipal(req), req.query.cursor ?? null));
}
