import { AddAllergyRequest, AddCurrentMedicineRequest, Allergy, API, ClinicalRecord, CurrentMedicine, FormularySearchQuery, FormularySearchResult } from '@confide/contract';
import { searchFormulary } from '@confide/prescribing';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as record from '../../services/clinical-record.service';
import type { ServiceDeps } from '../../services/service-deps';
import { toFormularyMedicine } from '../../prescribing/prescription-view';
import { requirePrincipal } from '../route-access';

const TAGS = ['prescribing'];
const PatientParams = z.object({ patientId: z.uuid('Use a patient id from your list.') });
const AllergyParams = PatientParams.extend({ allergyId: z.uuid('Use an allergy id from the patient’s record.') });
const MedicineParams = PatientParams.extend({ medicineEntryId: z.uuid('Use a medicine id from the patient’s record.') });
const PATIENT_DATA = { kind: 'signed-in', patientData: true } as const;

/** The formulary, and a patient's allergies and current medicines (read by the patient; kept by their clinicians). */
export function clinicalRecordRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.formulary, {
    schema: { tags: TAGS, summary: 'Search the formulary as you type', querystring: FormularySearchQuery, response: { 200: FormularySearchResult } },
    config: { access: { kind: 'signed-in', roles: ['clinician', 'pharmacist'], patientData: false } },
  }, async (req) => {
    requirePrincipal(req);
    return { medicines: searchFormulary(deps.formulary.medicines, req.query.q).map(toFormularyMedicine) };
  });

  r.get('/api/v1/patients/:patientId/clinical-record', {
    schema: { tags: TAGS, summary: 'A patient’s recorded allergies and current medicines', params: PatientParams, response: { 200: ClinicalRecord } },
    config: { access: PATIENT_DATA },
  }, async (req) => record.getClinicalRecord(deps, req.ctx, requirePrincipal(req), req.params.patientId));

  r.post('/api/v1/patients/:patientId/allergies', {
    schema: { tags: TAGS, summary: 'Record an allergy (a clinician caring for the patient)', params: PatientParams, body: AddAllergyRequest, response: { 201: Allergy } },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => reply.code(201).send(await record.addAllergy(deps, req.ctx, requirePrincipal(req), req.params.patientId, req.body)));

  r.delete('/api/v1/patients/:patientId/allergies/:allergyId', {
    schema: { tags: TAGS, summary: 'Remove an allergy recorded in error', params: AllergyParams },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => {
    await record.removeAllergy(deps, req.ctx, requirePrincipal(req), req.params.patientId, req.params.allergyId);
    return reply.code(204).send();
  });

  r.post('/api/v1/patients/:patientId/medicines', {
    schema: { tags: TAGS, summary: 'Record a medicine the patient takes (a clinician caring for the patient)', params: PatientParams, body: AddCurrentMedicineRequest, response: { 201: CurrentMedicine } },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => reply.code(201).send(await record.addCurrentMedicine(deps, req.ctx, requirePrincipal(req), req.params.patientId, req.body)));

  r.delete('/api/v1/patients/:patientId/medicines/:medicineEntryId', {
    schema: { tags: TAGS, summary: 'Record that the patient has stopped a medicine', params: MedicineParams },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => {
    await record.stopCurrentMedicine(deps, req.ctx, requirePrincipal(req), req.params.patientId, req.params.medicineEntryId);
    return reply.code(204).send();
  });
}
