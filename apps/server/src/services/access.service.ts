import type { LinkMembershipRequest, MyAccess, NhsRegistrationRequest, PartnerList } from '@confide/contract';
import { patientResource, routesFor, type Principal } from '@confide/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { accessRepository } from '../db/repositories/access.repository';
import { schedulingRepository } from '../db/repositories/scheduling.repository';
import { fieldError, notFound } from '../errors/problem-error';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

function requirePatient(principal: Principal): string {
  if (!principal.patientId) throw notFound();
  return principal.patientId;
}

/** A patient's routes to care (NHS registration, partner memberships) and how they may book each appointment type. */
export async function myAccess(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<MyAccess> {
  const patientId = requirePatient(principal);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('access-route.read', patientResource(patientId));
    const nhs = await accessRepository.nhsRegistration(tx, patientId);
    const memberships = await accessRepository.memberships(tx, patientId);
    const access = await accessRepository.patientAccess(tx, patientId);
    const types = await schedulingRepository.types(tx);
    // Without a payment provider there is no private route.
    const offered = (t: (typeof types)[number]) => (deps.payments ? t : { ...t, pricePence: null });
    await recordAudit(tx, ctx.meta, [{ action: 'viewed', resourceType: 'access-routes', resourceId: patientId, patientId }]);
    return {
      nhs: { registered: nhs !== null, nhsNumber: nhs?.nhsNumber ?? null, registeredAt: nhs?.registeredAt ?? null },
      memberships: memberships.map(({ coveredTypeIds: _covered, ...m }) => m),
      bookable: types.map((t) => ({ appointmentType: t, routes: routesFor(offered(t), access) })),
    };
  });
}

/** Registers the patient with the clinic's GP practice, so NHS-funded appointments are free to them. */
export async function registerWithPractice(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: z.output<typeof NhsRegistrationRequest>,
): Promise<MyAccess> {
  const patientId = requirePatient(principal);
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('access-route.manage', patientResource(patientId));
    if (!(await accessRepository.registerNhs(tx, patientId, input.nhsNumber))) {
      throw fieldError('body.nhsNumber', 'You are already registered with the practice.', 409);
    }
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'nhs-registration', resourceId: patientId, patientId }]);
  });
  return myAccess(deps, ctx, principal);
}

/** Links a partner membership to the patient, proven by member number and date of birth. */
export async function linkMembership(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, input: z.output<typeof LinkMembershipRequest>,
): Promise<MyAccess> {
  const patientId = requirePatient(principal);
  await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('access-route.manage', patientResource(patientId));
    const id = await accessRepository.linkMembership(tx, input.partnerId, input.memberNumber, input.dateOfBirth);
    if (!id) {
      // One answer for every kind of mismatch: it must not confirm that a member number exists.
      throw fieldError(
        'body.memberNumber',
        'We could not find a current membership with that member number and date of birth. Check them against your membership card, or ask your insurer or employer.',
        422,
      );
    }
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'membership', resourceId: id, patientId }]);
  });
  return myAccess(deps, ctx, principal);
}

/** The insurers and employers a patient may link a membership with (a public directory). */
export async function listPartners(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PartnerList['items']> {
  return asPrincipal(deps, ctx, principal, async (tx) => accessRepository.partners(tx));
}
