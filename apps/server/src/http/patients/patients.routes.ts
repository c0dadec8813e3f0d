import { API, PatientList, PatientProfile } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPatient, listPatients } from '../../services/patients.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['patients'];

export function patientsRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.patients, {
    schema: { tags: TAGS, summary: 'Patients in your care (clinicians)', response: { 200: PatientList } },
    config: { access: { kind: 'signed-in', roles: ['clinician'], patientData: true } },
  }, async (req) => ({ items: await listPatients(deps, req.ctx, requirePrincipal(req)) }));

  r.get('/api/v1/patients/:patientId', {
    schema: {
      tags: TAGS,
      summary: "A patient's record (your own, or one in your care)",
      params: z.object({ patientId: z.uuid('Use a patient id from a list.') }),
      response: { 200: PatientProfile },
    },
    config: { access: { kind: 'signed-in', roles: ['patient', 'clinician'], patientData: true } },
  }, async (req) => getPatient(deps, req.ctx, requirePrincipal(req), req.params.patientId));
}
