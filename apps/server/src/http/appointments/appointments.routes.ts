import {
  API, Appointment, AppointmentList, AppointmentOutcomeRequest, AppointmentTypeList, Availability, AvailabilityException, AvailabilityRule, BookAppointmentRequest,
  CreateAvailabilityException, CreateAvailabilityRule, DayQuery, RescheduleAppointmentRequest, SlotList, SlotQuery,
} from '@confide/contract';
import { localDate } from '@confide/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as appointments from '../../services/appointments.service';
import * as scheduling from '../../services/scheduling.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['appointments'];
const AppointmentParams = z.object({ appointmentId: z.uuid('Use an appointment id from your list.') });
const IdParams = z.object({ id: z.uuid('Use an id from the list.') });
const PATIENT = { kind: 'signed-in', roles: ['patient'], patientData: true } as const;
const CLINICIAN_HOURS = { kind: 'signed-in', roles: ['clinician'], patientData: false } as const;

export function appointmentsRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.appointmentTypes, {
    schema: { tags: TAGS, summary: 'The kinds of appointment the clinic offers', response: { 200: AppointmentTypeList } },
    config: { access: { kind: 'signed-in', patientData: false } },
  }, async (req) => ({ items: await scheduling.listAppointmentTypes(deps, req.ctx, requirePrincipal(req)) }));

  r.get(API.slots, {
    schema: { tags: TAGS, summary: 'Open appointment times by profession or type and date', querystring: SlotQuery, response: { 200: SlotList } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: false } },
  }, async (req) => ({ items: await scheduling.searchSlots(deps, req.ctx, requirePrincipal(req), req.query) }));

  r.post(API.appointments, {
    schema: { tags: TAGS, summary: 'Book an open time (409 slot_taken if someone got there first)', body: BookAppointmentRequest, response: { 201: Appointment } },
    config: { access: PATIENT },
  }, async (req, reply) => reply.code(201).send(await appointments.bookAppointment(deps, req.ctx, requirePrincipal(req), req.body)));

  r.get(API.appointments, {
    schema: { tags: TAGS, summary: 'Your appointments, newest first', response: { 200: AppointmentList } },
    config: { access: PATIENT },
  }, async (req) => ({ items: await appointments.myAppointments(deps, req.ctx, requirePrincipal(req)) }));

  r.get('/api/v1/appointments/:appointmentId', {
    schema: { tags: TAGS, summary: 'One appointment (yours, or one you are the clinician for)', params: AppointmentParams, response: { 200: Appointment } },
    config: { access: { kind: 'signed-in', roles: ['patient', 'clinician'], patientData: true } },
  }, async (req) => appointments.getAppointment(deps, req.ctx, requirePrincipal(req), req.params.appointmentId));

  r.post('/api/v1/appointments/:appointmentId/cancel', {
    schema: { tags: TAGS, summary: 'Cancel an upcoming appointment', params: AppointmentParams, response: { 200: Appointment } },
    config: { access: PATIENT },
  }, async (req) => appointments.cancelAppointment(deps, req.ctx, requirePrincipal(req), req.params.appointmentId));

  r.post('/api/v1/appointments/:appointmentId/reschedule', {
    schema: { tags: TAGS, summary: 'Move an upcoming appointment to another open time of the same type', params: AppointmentParams, body: RescheduleAppointmentRequest, response: { 200: Appointment } },
    config: { access: PATIENT },
  }, async (req) => appointments.rescheduleAppointment(deps, req.ctx, requirePrincipal(req), req.params.appointmentId, req.body));

  r.get(API.clinicianDay, {
    schema: { tags: TAGS, summary: "A clinician's appointments on one day", querystring: DayQuery, response: { 200: AppointmentList } },
    config: { access: { kind: 'signed-in', roles: ['clinician'], patientData: true } },
  }, async (req) => {
    const date = req.query.date ?? localDate(Date.now(), req.query.timeZone);
    return { items: await appointments.clinicianDay(deps, req.ctx, requirePrincipal(req), date, req.query.timeZone) };
  });

  r.post('/api/v1/appointments/:appointmentId/check-in', {
    schema: { tags: TAGS, summary: `Check in to the waiting room (from a few minutes before the time)`, params: AppointmentParams, response: { 200: Appointment } },
    config: { access: PATIENT },
  }, async (req) => appointments.checkIn(deps, req.ctx, requirePrincipal(req), req.params.appointmentId));

  r.get(API.waitingRoom, {
    schema: { tags: TAGS, summary: 'Patients checked in and waiting for you', response: { 200: AppointmentList } },
    config: { access: { kind: 'signed-in', roles: ['clinician'], patientData: true } },
  }, async (req) => ({ items: await appointments.waitingRoom(deps, req.ctx, requirePrincipal(req)) }));

  r.post('/api/v1/appointments/:appointmentId/admit', {
    schema: { tags: TAGS, summary: 'Admit a waiting patient: starts the consultation', params: AppointmentParams, response: { 200: Appointment } },
    config: { access: { kind: 'signed-in', roles: ['clinician'], patientData: true } },
  }, async (req) => appointments.admit(deps, req.ctx, requirePrincipal(req), req.params.appointmentId));

  r.post('/api/v1/appointments/:appointmentId/outcome', {
    schema: { tags: TAGS, summary: 'Record the end: completed, or did not attend', params: AppointmentParams, body: AppointmentOutcomeRequest, response: { 200: Appointment } },
    config: { access: { kind: 'signed-in', roles: ['clinician'], patientData: true } },
  }, async (req) => appointments.recordOutcome(deps, req.ctx, requirePrincipal(req), req.params.appointmentId, req.body));

  r.get(API.myAvailability, {
    schema: { tags: TAGS, summary: 'Your weekly hours and exceptions (clinicians)', response: { 200: Availability } },
    config: { access: CLINICIAN_HOURS },
  }, async (req) => scheduling.myAvailability(deps, req.ctx, requirePrincipal(req)));

  r.post(API.availabilityRules, {
    schema: { tags: TAGS, summary: 'Add weekly hours', body: CreateAvailabilityRule, response: { 201: AvailabilityRule } },
    config: { access: CLINICIAN_HOURS },
  }, async (req, reply) => reply.code(201).send(await scheduling.addAvailabilityRule(deps, req.ctx, requirePrincipal(req), req.body)));

  r.delete('/api/v1/clinician/availability/rules/:id', {
    schema: { tags: TAGS, summary: 'Remove weekly hours', params: IdParams },
    config: { access: CLINICIAN_HOURS },
  }, async (req, reply) => {
    await scheduling.removeAvailability(deps, req.ctx, requirePrincipal(req), 'rule', req.params.id);
    return reply.code(204).send();
  });

  r.post(API.availabilityExceptions, {
    schema: { tags: TAGS, summary: 'Add leave or an extra session', body: CreateAvailabilityException, response: { 201: AvailabilityException } },
    config: { access: CLINICIAN_HOURS },
  }, async (req, reply) => reply.code(201).send(await scheduling.addAvailabilityException(deps, req.ctx, requirePrincipal(req), req.body)));

  r.delete('/api/v1/clinician/availability/exceptions/:id', {
    schema: { tags: TAGS, summary: 'Remove leave or an extra session', params: IdParams },
    config: { access: CLINICIAN_HOURS },
  }, async (req, reply) => {
    await scheduling.removeAvailability(deps, req.ctx, requirePrincipal(req), 'exception', req.params.id);
    return reply.code(204).send();
  });
}
