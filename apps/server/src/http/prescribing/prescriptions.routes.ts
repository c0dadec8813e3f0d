import {
  API, CancelPrescriptionRequest, CreateRepeatRequest, DeclineRepeatRequest, DispenseRequest, IssuePrescriptionRequest, Prescription,
  PrescriptionCheckResult, PrescriptionItemRequest, PrescriptionList, RepeatRequest, RepeatRequestList, SecondFactorRequest, SecondFactorResult,
} from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmSecondFactor } from '../../services/auth.service';
import * as rx from '../../services/prescriptions.service';
import * as repeats from '../../services/repeat-requests.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['prescriptions'];
const ConsultationParams = z.object({ consultationId: z.uuid('Use a consultation id from your list.') });
const PrescriptionParams = z.object({ prescriptionId: z.uuid('Use a prescription id from your list.') });
const RequestParams = z.object({ requestId: z.uuid('Use a repeat request id from your list.') });
// No role gates on routes naming a prescription: whoever is not entitled gets 404 from the policy, as if it were absent.
const PATIENT_DATA = { kind: 'signed-in', patientData: true } as const;

/** Prescribing from a consultation, signing, the pharmacy portal's dispensing, and repeat requests. */
export function prescriptionsRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stepUpLimit = { max: deps.config.auth.loginRateLimitPerMinute, timeWindow: '1 minute' };

  r.post(API.secondFactor, {
    schema: { tags: TAGS, summary: 'Confirm your authenticator code again (signing needs one from the last 5 minutes)', body: SecondFactorRequest, response: { 200: SecondFactorResult } },
    config: { access: { kind: 'signed-in', roles: ['clinician', 'pharmacist', 'partner_admin', 'clinic_admin'], patientData: false }, rateLimit: stepUpLimit },
  }, async (req) => confirmSecondFactor(deps, req.ctx, requirePrincipal(req), req.body.code));

  r.post('/api/v1/consultations/:consultationId/prescription-checks', {
    schema: { tags: TAGS, summary: 'Run the checks before signing (allergies, interactions, duplicates, dose, age, pregnancy, controlled drugs)', params: ConsultationParams, body: PrescriptionItemRequest, response: { 200: PrescriptionCheckResult } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.checkItem(deps, req.ctx, requirePrincipal(req), req.params.consultationId, req.body));

  r.post('/api/v1/consultations/:consultationId/prescriptions', {
    schema: { tags: TAGS, summary: 'Sign and send a prescription to the patient’s nominated pharmacy', params: ConsultationParams, body: IssuePrescriptionRequest, response: { 201: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => reply.code(201).send(await rx.issuePrescription(deps, req.ctx, requirePrincipal(req), req.params.consultationId, req.body)));

  r.get('/api/v1/consultations/:consultationId/prescriptions', {
    schema: { tags: TAGS, summary: 'The prescriptions from a consultation', params: ConsultationParams, response: { 200: PrescriptionList } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.listConsultationPrescriptions(deps, req.ctx, requirePrincipal(req), req.params.consultationId));

  r.get(API.myPrescriptions, {
    schema: { tags: TAGS, summary: 'Your prescriptions, newest first', response: { 200: PrescriptionList } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.listMyPrescriptions(deps, req.ctx, requirePrincipal(req)));

  r.get(API.pharmacyPrescriptions, {
    schema: { tags: TAGS, summary: 'The prescriptions sent to your pharmacy, newest first', response: { 200: PrescriptionList } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.listPharmacyPrescriptions(deps, req.ctx, requirePrincipal(req)));

  r.get('/api/v1/prescriptions/:prescriptionId', {
    schema: { tags: TAGS, summary: 'One prescription (its pharmacy opening it marks it received; staff see the signature check)', params: PrescriptionParams, response: { 200: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.getPrescription(deps, req.ctx, requirePrincipal(req), req.params.prescriptionId));

  r.post('/api/v1/prescriptions/:prescriptionId/cancel', {
    schema: { tags: TAGS, summary: 'Cancel a prescription before it is dispensed (its prescriber)', params: PrescriptionParams, body: CancelPrescriptionRequest, response: { 200: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.cancelPrescription(deps, req.ctx, requirePrincipal(req), req.params.prescriptionId, req.body.reason));

  r.post('/api/v1/prescriptions/:prescriptionId/dispense', {
    schema: { tags: TAGS, summary: 'Record supplying all or part of a prescription (its pharmacy; the signature must verify)', params: PrescriptionParams, body: DispenseRequest, response: { 200: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.dispensePrescription(deps, req.ctx, requirePrincipal(req), req.params.prescriptionId, req.body.quantity));

  r.post('/api/v1/prescriptions/:prescriptionId/collected', {
    schema: { tags: TAGS, summary: 'Record that the patient collected it (its pharmacy)', params: PrescriptionParams, response: { 200: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req) => rx.markCollected(deps, req.ctx, requirePrincipal(req), req.params.prescriptionId));

  r.post('/api/v1/prescriptions/:prescriptionId/repeat-requests', {
    schema: { tags: TAGS, summary: 'Ask for a repeat of your prescription', params: PrescriptionParams, body: CreateRepeatRequest, response: { 201: RepeatRequest } },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => reply.code(201).send(await repeats.requestRepeat(deps, req.ctx, requirePrincipal(req), req.params.prescriptionId, req.body.note)));

  r.get(API.myRepeatRequests, {
    schema: { tags: TAGS, summary: 'Your repeat requests, newest first', response: { 200: RepeatRequestList } },
    config: { access: PATIENT_DATA },
  }, async (req) => repeats.listMyRepeatRequests(deps, req.ctx, requirePrincipal(req)));

  r.get(API.clinicianRepeatRequests, {
    schema: { tags: TAGS, summary: 'Repeat requests for prescriptions you wrote, open ones first', response: { 200: RepeatRequestList } },
    config: { access: PATIENT_DATA },
  }, async (req) => repeats.listClinicianRepeatRequests(deps, req.ctx, requirePrincipal(req)));

  r.post('/api/v1/repeat-requests/:requestId/approve', {
    schema: { tags: TAGS, summary: 'Approve a repeat: a new signed prescription to the patient’s nominated pharmacy', params: RequestParams, response: { 201: Prescription } },
    config: { access: PATIENT_DATA },
  }, async (req, reply) => reply.code(201).send(await repeats.approveRepeat(deps, req.ctx, requirePrincipal(req), req.params.requestId)));

  r.post('/api/v1/repeat-requests/:requestId/decline', {
    schema: { tags: TAGS, summary: 'Decline a repeat, with a reason the patient will read', params: RequestParams, body: DeclineRepeatRequest, response: { 200: RepeatRequest } },
    config: { access: PATIENT_DATA },
  }, async (req) => repeats.declineRepeat(deps, req.ctx, requirePrincipal(req), req.params.requestId, req.body.reason));
}
