import type {
  AppointmentType, Availability, AvailabilityException, AvailabilityRule, CreateAvailabilityException, CreateAvailabilityRule, Slot, SlotQuery,
} from '@confide/contract';
import { clinicianResource, localDate, localDayBounds, openSlots, type Interval, type Principal } from '@confide/domain';
import type { z } from 'zod';
import { schedulingRepository, toExceptionWindow, toWeeklyRule } from '../db/repositories/scheduling.repository';
import type { PrincipalTx } from '../db/with-principal';
import { fieldError, notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

const DAY_MS = 86_400_000;

export async function listAppointmentTypes(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<AppointmentType[]> {
  return asPrincipal(deps, ctx, principal, (tx) => schedulingRepository.types(tx));
}

/** Open slots of one type with one clinician in [from, to); `ignoreBooked` to ask "is this a slot at all?". */
async function slotsFor(tx: PrincipalTx, clinicianId: string, type: AppointmentType, from: number, to: number, ignoreBooked: boolean): Promise<Interval[]> {
  // One connection per transaction: queries in turn, never concurrently.
  const rules = await schedulingRepository.rules(tx, [clinicianId]);
  const exceptions = await schedulingRepository.exceptions(tx, [clinicianId], new Date(from));
  const busy = ignoreBooked ? [] : await schedulingRepository.busy(tx, clinicianId, new Date(from), new Date(to));
  return openSlots({
    appointmentTypeId: type.id,
    durationMinutes: type.durationMinutes,
    rules: rules.map(toWeeklyRule),
    exceptions: exceptions.map(toExceptionWindow),
    busy,
    from,
    to,
    now: Date.now(),
  });
}

/** Whether `start` begins an open slot of `type` in the clinician's published hours (booked or not). */
export async function isPublishedSlot(tx: PrincipalTx, clinicianId: string, type: AppointmentType, start: number): Promise<boolean> {
  const slots = await slotsFor(tx, clinicianId, type, start - DAY_MS, start + DAY_MS, true);
  return slots.some((s) => s.start === start);
}

/** Open slots by profession or type over one or more days in the viewer's time zone; optionally only the first per type. */
export async function searchSlots(deps: ServiceDeps, ctx: RequestContext, principal: Principal, q: z.output<typeof SlotQuery>): Promise<Slot[]> {
  return asPrincipal(deps, ctx, principal, async (tx) => {
    const today = localDate(Date.now(), q.timeZone);
    const firstDay = q.date ?? today;
    const from = Math.max(Date.now(), localDayBounds(firstDay, q.timeZone).start);
    const lastDay = localDate(localDayBounds(firstDay, q.timeZone).start + (q.days - 1) * DAY_MS + DAY_MS / 2, q.timeZone);
    const to = localDayBounds(lastDay, q.timeZone).end;
    if (to <= from) return [];
    const types = (await schedulingRepository.types(tx)).filter(
      (t) => (!q.profession || t.profession === q.profession) && (!q.appointmentTypeId || t.id === q.appointmentTypeId),
    );
    const clinicians = await schedulingRepository.clinicians(tx, null);
    const found: Slot[] = [];
    for (const type of types) {
      const perType: Slot[] = [];
      for (const c of clinicians.filter((c) => c.profession === type.profession)) {
        for (const s of await slotsFor(tx, c.id, type, from, to, false)) {
          perType.push({
            clinicianId: c.id, clinicianName: c.name, profession: type.profession, appointmentTypeId: type.id, appointmentTypeName: type.name,
            mode: type.mode, startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(),
          });
        }
      }
      perType.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.clinicianName.localeCompare(b.clinicianName));
      found.push(...(q.firstAvailable ? perType.slice(0, 1) : perType));
    }
    return found.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.clinicianName.localeCompare(b.clinicianName)).slice(0, 300);
  });
}

export async function myAvailability(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<Availability> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('availability.manage', clinicianResource(principal.userId));
    const rules = await schedulingRepository.rules(tx, [principal.userId]);
    const exceptions = await schedulingRepository.exceptions(tx, [principal.userId], new Date(Date.now() - 30 * DAY_MS));
    return { rules: rules.map(({ clinicianId: _c, ...r }) => r), exceptions: exceptions.map(({ clinicianId: _c, ...e }) => e) };
  });
}

export async function addAvailabilityRule(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: z.output<typeof CreateAvailabilityRule>,
): Promise<AvailabilityRule> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('availability.manage', clinicianResource(principal.userId));
    if (!(await schedulingRepository.type(tx, input.appointmentTypeId))) throw fieldError('body.appointmentTypeId', 'Choose an appointment type from the list.');
    return schedulingRepository.addRule(tx, input);
  });
}

export async function addAvailabilityException(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: z.output<typeof CreateAvailabilityException>,
): Promise<AvailabilityException> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('availability.manage', clinicianResource(principal.userId));
    if (input.appointmentTypeId && !(await schedulingRepository.type(tx, input.appointmentTypeId))) {
      throw fieldError('body.appointmentTypeId', 'Choose an appointment type from the list.');
    }
    return schedulingRepository.addException(tx, { ...input, kind: input.kind, startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString() });
  });
}

export async function removeAvailability(deps: ServiceDeps, ctx: RequestContext, principal: Principal, what: 'rule' | 'exception', id: string): Promise<void> {
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('availability.manage', clinicianResource(principal.userId));
    const removed = what === 'rule' ? await schedulingRepository.deleteRule(tx, id) : await schedulingRepository.deleteException(tx, id);
    if (!removed) throw notFound();
  });
}
