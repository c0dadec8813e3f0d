import { CHECK_IN_OPENS_MINUTES, type Appointment, type AppointmentType, type AppointmentOutcomeRequest, type BookAppointmentRequest, type RescheduleAppointmentRequest } from '@confide/contract';
import { appointmentResource, entitledRoute, localDayBounds, type Principal, type RouteOption } from '@confide/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { accessRepository } from '../db/repositories/access.repository';
import { appointmentRepository, type AppointmentRecord } from '../db/repositories/appointment.repository';
import { paymentRepository } from '../db/repositories/payment.repository';
import { outboxRepository } from '../db/repositories/outbox.repository';
import { patientRepository } from '../db/repositories/patient.repository';
import { schedulingRepository } from '../db/repositories/scheduling.repository';
import { bookedMessages, cancelledMessages, type AppointmentFacts, type MessageSettings } from '../notifications/appointment-messages';
import type { PrincipalTx } from '../db/with-principal';
import { notFound, ProblemError } from '../errors/problem-error';
import { asPrincipal, type Guard } from './guard';
import { isPublishedSlot } from './scheduling.service';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

const EXCLUSION_VIOLATION = '23P01';

const slotTaken = () =>
  new ProblemError(409, 'That time has just been taken', { code: 'slot_taken', detail: 'Sorry, someone else has just booked that time. Choose another time.' });
const notASlot = () =>
  new ProblemError(400, 'That time is not available', { code: 'not_a_slot', detail: 'That time is not one of the open appointment times. Choose a time from the list.' });

function publicView({ clinicianId: _c, patientId: _p, ...appointment }: AppointmentRecord): Appointment {
  return appointment;
}

/** Turns the database's refusal to double-book into a clear 409, whichever statement hit it. */
async function refusingDoubleBooking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: string }).code === EXCLUSION_VIOLATION) throw slotTaken();
    throw err;
  }
}

interface OpenSlot {
  clinicianId: string;
  type: AppointmentType;
  mode: 'audio' | 'video';
  start: Date;
  end: Date;
}

const notEntitled = () =>
  new ProblemError(422, 'You cannot book this appointment that way', {
    code: 'not_entitled',
    detail: 'This way of paying does not cover this kind of appointment. Choose another way, or check your NHS registration and memberships.',
    errors: [{ field: 'body.access', message: 'Choose a way of paying that covers this appointment.' }],
  });
const paymentDeclined = () =>
  new ProblemError(402, 'Your payment did not go through', {
    code: 'payment_declined',
    detail: 'The payment was declined, so the appointment was not booked and you have not been charged. Try again or choose another way to pay.',
  });

/**
 * The route the patient chose, if they are entitled to it for this type (the database's insert policy checks
 * the same again). Private pay needs a payment provider.
 */
async function requireEntitlement(deps: ServiceDeps, tx: PrincipalTx, patientId: string, type: AppointmentType, choice: BookAppointmentRequest['access']): Promise<RouteOption> {
  const access = await accessRepository.patientAccess(tx, patientId);
  const route = entitledRoute(deps.payments ? type : { ...type, pricePence: null }, access, choice);
  if (!route) throw notEntitled();
  return route;
}

/** Takes a private payment through the provider, inside the booking's transaction: declined means not booked. */
async function takePayment(deps: ServiceDeps, tx: PrincipalTx, appointmentId: string, patientId: string, amountPence: number): Promise<void> {
  const provider = deps.payments;
  if (!provider) throw new Error('private route offered without a payment provider');
  const paymentId = await paymentRepository.insertPending(tx, { appointmentId, patientId, amountPence, provider: provider.name });
  const result = await provider.charge({ paymentId, amountPence, currency: 'GBP', description: 'Confide appointment' });
  if (result.status === 'failed') throw paymentDeclined();
  await paymentRepository.settle(tx, paymentId, result.status, result.providerReference);
}

function messageSettings(deps: ServiceDeps): MessageSettings {
  return { publicUrl: deps.config.publicUrl, timeZone: deps.config.clinicTimeZone, reminderLeadMinutes: deps.config.messaging.reminderLeadMinutes };
}

/** What the messages about an appointment need: when, how, and the patient's own contact details (read under RLS). */
async function messageFacts(tx: PrincipalTx, patientId: string, appointmentId: string, slot: Pick<OpenSlot, 'mode' | 'start' | 'end'>): Promise<AppointmentFacts> {
  const patient = await patientRepository.findById(tx, patientId);
  if (!patient) throw notFound();
  return { appointmentId, givenName: patient.givenName, email: patient.email, mobile: patient.mobile, ...slot };
}

/**
 * The one check that a requested time is bookable: a real appointment type, a clinician of its profession, and a
 * time their published hours offer (booked or not: a taken slot is refused by the database, as 409).
 */
async function requireOpenSlot(tx: PrincipalTx, clinicianId: string, typeId: string, startsAt: string): Promise<OpenSlot> {
  const type = await schedulingRepository.type(tx, typeId);
  const [clinician] = await schedulingRepository.clinicians(tx, [clinicianId]);
  const start = Date.parse(startsAt);
  if (!type || !clinician || clinician.profession !== type.profession || !(await isPublishedSlot(tx, clinician.id, type, start))) throw notASlot();
  return { clinicianId: clinician.id, type, mode: type.mode, start: new Date(start), end: new Date(start + type.durationMinutes * 60_000) };
}

/** An appointment the principal can see (RLS) and may act on (policy); anything else is 404, as if absent. */
type AppointmentAction = 'appointment.read' | 'appointment.cancel' | 'appointment.reschedule' | 'appointment.check-in' | 'appointment.admit' | 'appointment.record-outcome';

async function loadFor(tx: PrincipalTx, guard: Guard, id: string, action: AppointmentAction): Promise<AppointmentRecord> {
  const found = await appointmentRepository.findById(tx, id);
  if (!found) throw notFound();
  await guard.authorize(action, appointmentResource(found));
  return found;
}

export async function bookAppointment(deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: z.output<typeof BookAppointmentRequest>): Promise<Appointment> {
  deps.features.require('booking');
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return refusingDoubleBooking(() =>
    asPrincipal(deps, ctx, principal, async (tx, guard) => {
      await guard.authorize('appointment.book', appointmentResource({ patientId, clinicianId: input.clinicianId }));
      const slot = await requireOpenSlot(tx, input.clinicianId, input.appointmentTypeId, input.startsAt);
      const route = await requireEntitlement(deps, tx, patientId, slot.type, input.access);
      const id = await appointmentRepository.insert(tx, {
        patientId, clinicianId: slot.clinicianId, typeId: slot.type.id, start: slot.start, end: slot.end, reason: input.reason,
        route: route.route, membershipId: route.route === 'partner' ? route.membershipId : null,
      });
      if (route.route === 'private') await takePayment(deps, tx, id, patientId, route.pricePence);
      await appointmentRepository.startCareRelationship(tx, slot.clinicianId, patientId);
      await outboxRepository.enqueue(tx, { appointmentId: id, patientId }, bookedMessages(await messageFacts(tx, patientId, id, slot), messageSettings(deps)));
      await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'appointment', resourceId: id, patientId, detail: { route: route.route } }]);
      const booked = await appointmentRepository.findById(tx, id);
      if (!booked) throw new Error('booked appointment not visible to its patient');
      return publicView(booked);
    }),
  );
}

export async function cancelAppointment(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Appointment> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const a = await loadFor(tx, guard, id, 'appointment.cancel');
    if (!['booked', 'checked_in'].includes(a.status) || Date.parse(a.endsAt) < Date.now()) {
      throw new ProblemError(409, 'This appointment cannot be cancelled', { code: 'not_cancellable', detail: 'Only upcoming appointments can be cancelled.' });
    }
    await appointmentRepository.setStatus(tx, id, 'cancelled');
    await outboxRepository.withdrawPending(tx, id);
    const was = { mode: a.appointmentType.mode, start: new Date(a.startsAt), end: new Date(a.endsAt) };
    await outboxRepository.enqueue(tx, { appointmentId: id, patientId: a.patientId }, cancelledMessages(await messageFacts(tx, a.patientId, id, was), messageSettings(deps)));
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'appointment', resourceId: id, patientId: a.patientId, detail: { status: 'cancelled' } }]);
    return publicView({ ...a, status: 'cancelled' });
  });
}

export async function rescheduleAppointment(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, input: z.output<typeof RescheduleAppointmentRequest>,
): Promise<Appointment> {
  deps.features.require('booking');
  return refusingDoubleBooking(() =>
    asPrincipal(deps, ctx, principal, async (tx, guard) => {
      const a = await loadFor(tx, guard, id, 'appointment.reschedule');
      if (a.status !== 'booked' || Date.parse(a.startsAt) < Date.now()) {
        throw new ProblemError(409, 'This appointment cannot be moved', { code: 'not_reschedulable', detail: 'Only upcoming booked appointments can be moved.' });
      }
      await guard.authorize('appointment.book', appointmentResource({ patientId: a.patientId, clinicianId: input.clinicianId }));
      const slot = await requireOpenSlot(tx, input.clinicianId, a.appointmentType.id, input.startsAt);
      await appointmentRepository.move(tx, id, slot);
      await appointmentRepository.startCareRelationship(tx, slot.clinicianId, a.patientId);
      await outboxRepository.withdrawPending(tx, id);
      await outboxRepository.enqueue(tx, { appointmentId: id, patientId: a.patientId }, bookedMessages(await messageFacts(tx, a.patientId, id, slot), messageSettings(deps)));
      await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'appointment', resourceId: id, patientId: a.patientId, detail: { rescheduled: true } }]);
      const moved = await appointmentRepository.findById(tx, id);
      return publicView(moved!);
    }),
  );
}

export async function getAppointment(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Appointment> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const a = await loadFor(tx, guard, id, 'appointment.read');
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'appointment', resourceId: id, patientId: a.patientId }]);
    return publicView(a);
  });
}

async function present(tx: PrincipalTx, ctx: RequestContext, guard: Guard, found: AppointmentRecord[]): Promise<Appointment[]> {
  const allowed = await guard.filterAllowed('appointment.present', found, (a) => appointmentResource(a));
  await recordAudit(tx, ctx.meta, allowed.map((a) => ({ action: 'presented' as const, resourceType: 'appointment', resourceId: a.id, patientId: a.patientId })));
  return allowed.map(publicView);
}

/** The patient's own appointments, newest first. */
export async function myAppointments(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<Appointment[]> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => present(tx, ctx, guard, await appointmentRepository.forPatient(tx, patientId)));
}

/** A clinician's appointments on one local day, in time order. */
export async function clinicianDay(deps: ServiceDeps, ctx: RequestContext, principal: Principal, date: string, timeZone: string): Promise<Appointment[]> {
  const { start, end } = localDayBounds(date, timeZone);
  return asPrincipal(deps, ctx, principal, async (tx, guard) =>
    present(tx, ctx, guard, await appointmentRepository.forClinician(tx, principal.userId, new Date(start), new Date(end))),
  );
}

const conflict = (code: string, title: string, detail: string) => new ProblemError(409, title, { code, detail });

/** The patient arrives in the waiting room, from a few minutes before the time until its end. */
export async function checkIn(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Appointment> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const a = await loadFor(tx, guard, id, 'appointment.check-in');
    if (a.status === 'checked_in') return publicView(a);
    const now = Date.now();
    if (a.status !== 'booked' || now >= Date.parse(a.endsAt)) {
      throw conflict('not_checkable', 'You cannot check in to this appointment', 'Only an upcoming booked appointment can be checked in to.');
    }
    if (now < Date.parse(a.startsAt) - CHECK_IN_OPENS_MINUTES * 60_000) {
      throw conflict('check_in_not_open', 'Too early to check in', `You can check in from ${CHECK_IN_OPENS_MINUTES} minutes before your appointment.`);
    }
    await appointmentRepository.checkIn(tx, id);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'appointment', resourceId: id, patientId: a.patientId, detail: { status: 'checked_in' } }]);
    return publicView((await appointmentRepository.findById(tx, id))!);
  });
}

/** Patients checked in and waiting for the calling clinician. */
export async function waitingRoom(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<Appointment[]> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => present(tx, ctx, guard, await appointmentRepository.waitingFor(tx, principal.userId)));
}

/** The clinician admits a waiting patient: the consultation is created, its owners fixed from the appointment. */
export async function admit(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string): Promise<Appointment> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const a = await loadFor(tx, guard, id, 'appointment.admit');
    if (a.status !== 'checked_in') throw conflict('not_waiting', 'This patient is not waiting', 'Only a patient who has checked in can be admitted.');
    await appointmentRepository.setStatus(tx, id, 'in_consultation');
    const consultationId = await appointmentRepository.startConsultation(tx, { id, patientId: a.patientId, clinicianId: a.clinicianId, mode: a.appointmentType.mode });
    await recordAudit(tx, ctx.meta, [
      { action: 'updated', resourceType: 'appointment', resourceId: id, patientId: a.patientId, detail: { status: 'in_consultation' } },
      { action: 'created', resourceType: 'consultation', resourceId: consultationId, patientId: a.patientId },
    ]);
    return publicView((await appointmentRepository.findById(tx, id))!);
  });
}

/** The clinician records the end: completed (after a consultation) or did not attend (once the time has come). */
export async function recordOutcome(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, input: z.output<typeof AppointmentOutcomeRequest>,
): Promise<Appointment> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const a = await loadFor(tx, guard, id, 'appointment.record-outcome');
    const allowed = input.status === 'completed' ? a.status === 'in_consultation' : ['booked', 'checked_in'].includes(a.status) && Date.now() >= Date.parse(a.startsAt);
    if (!allowed) {
      throw conflict('wrong_status', 'That cannot be recorded now', input.status === 'completed'
        ? 'Only a consultation in progress can be completed.'
        : 'An appointment can be marked missed only once its time has come, and only if it has not started.');
    }
    await appointmentRepository.setStatus(tx, id, input.status);
    if (input.status === 'completed') await appointmentRepository.endConsultation(tx, id);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'appointment', resourceId: id, patientId: a.patientId, detail: { status: input.status } }]);
    return publicView((await appointmentRepository.findById(tx, id))!);
  });
}
