import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entitledRoute, routesFor, type BookableType, type PatientAccess, type RouteChoice } from './entitlement';

const typeIds = ['t-gp', 't-nurse', 't-therapy'];
const arbType: fc.Arbitrary<BookableType> = fc.record({
  id: fc.constantFrom(...typeIds),
  nhsFunded: fc.boolean(),
  pricePence: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
});
const arbAccess: fc.Arbitrary<PatientAccess> = fc.record({
  nhsRegistered: fc.boolean(),
  memberships: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('m1', 'm2', 'm3'),
      partnerName: fc.constant('Acme'),
      planName: fc.constant('Plan'),
      active: fc.boolean(),
      coveredTypeIds: fc.subarray(typeIds).map((a) => new Set(a)),
    }),
    { selector: (m) => m.id, maxLength: 3 },
  ),
});
const arbChoice: fc.Arbitrary<RouteChoice> = fc.oneof(
  fc.constant({ route: 'nhs' as const }),
  fc.constant({ route: 'private' as const }),
  fc.constantFrom('m1', 'm2', 'm3', 'someone-elses').map((membershipId) => ({ route: 'partner' as const, membershipId })),
);

describe('entitlement', () => {
  const gp: BookableType = { id: 't-gp', nhsFunded: true, pricePence: 4900 };
  const therapy: BookableType = { id: 't-therapy', nhsFunded: false, pricePence: null };

  it('offers NHS for NHS-funded types to registered patients, partner cover, then the private price', () => {
    const access: PatientAccess = {
      nhsRegistered: true,
      memberships: [{ id: 'm1', partnerName: 'Acme', planName: 'Essential', active: true, coveredTypeIds: new Set(['t-gp']) }],
    };
    expect(routesFor(gp, access)).toEqual([
      { route: 'nhs' },
      { route: 'partner', membershipId: 'm1', partnerName: 'Acme', planName: 'Essential' },
      { route: 'private', pricePence: 4900 },
    ]);
    expect(routesFor(therapy, access)).toEqual([]);
  });

  it('a removed membership gives no route', () => {
    const access: PatientAccess = {
      nhsRegistered: false,
      memberships: [{ id: 'm1', partnerName: 'Acme', planName: 'Complete', active: false, coveredTypeIds: new Set(['t-therapy']) }],
    };
    expect(routesFor(therapy, access)).toEqual([]);
    expect(entitledRoute(therapy, access, { route: 'partner', membershipId: 'm1' })).toBeNull();
  });

  it('property: a choice is entitled exactly when it is one of the offered routes, and never through another’s membership', () => {
    fc.assert(
      fc.property(arbType, arbAccess, arbChoice, (type, access, choice) => {
        const granted = entitledRoute(type, access, choice);
        const offered = routesFor(type, access);
        if (granted === null) {
          expect(offered.some((o) => o.route === choice.route && (o.route !== 'partner' || (choice.route === 'partner' && o.membershipId === choice.membershipId)))).toBe(false);
          return;
        }
        expect(offered).toContainEqual(granted);
        if (granted.route === 'nhs') expect(type.nhsFunded && access.nhsRegistered).toBe(true);
        if (granted.route === 'partner') {
          const m = access.memberships.find((x) => x.id === granted.membershipId);
          expect(m?.active && m.coveredTypeIds.has(type.id)).toBe(true);
          expect(choice).toEqual({ route: 'partner', membershipId: granted.membershipId });
        }
        if (granted.route === 'private') expect(type.pricePence).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
