/**
 * Which appointment types a patient may book, and through which access route. Pure: the facts come from the
 * patient's own records (read under row-level security); the database's insert policy checks the same rule again.
 */
export const ACCESS_ROUTES = ['nhs', 'partner', 'private'] as const;
export type AccessRouteKind = (typeof ACCESS_ROUTES)[number];

export interface BookableType {
  readonly id: string;
  /** NHS funding covers this type (GP and nurse appointments). */
  readonly nhsFunded: boolean;
  /** The private price in pence; null when the clinic does not offer this type privately. */
  readonly pricePence: number | null;
}

export interface PatientMembership {
  readonly id: string;
  readonly partnerName: string;
  readonly planName: string;
  /** False once the partner has removed the member from its list: no new bookings through it. */
  readonly active: boolean;
  readonly coveredTypeIds: ReadonlySet<string>;
}

export interface PatientAccess {
  readonly nhsRegistered: boolean;
  readonly memberships: readonly PatientMembership[];
}

/** One way a patient may book a type: free at the point of use (NHS, partner) or paid (private). */
export type RouteOption =
  | { readonly route: 'nhs' }
  | { readonly route: 'partner'; readonly membershipId: string; readonly partnerName: string; readonly planName: string }
  | { readonly route: 'private'; readonly pricePence: number };

/** What the patient asks to book through. */
export type RouteChoice = { readonly route: 'nhs' } | { readonly route: 'partner'; readonly membershipId: string } | { readonly route: 'private' };

/** Every route through which `access` may book `type`, covered routes first. Empty means not bookable. */
export function routesFor(type: BookableType, access: PatientAccess): RouteOption[] {
  const options: RouteOption[] = [];
  if (type.nhsFunded && access.nhsRegistered) options.push({ route: 'nhs' });
  for (const m of access.memberships) {
    if (m.active && m.coveredTypeIds.has(type.id)) {
      options.push({ route: 'partner', membershipId: m.id, partnerName: m.partnerName, planName: m.planName });
    }
  }
  if (type.pricePence !== null) options.push({ route: 'private', pricePence: type.pricePence });
  return options;
}

/** The option matching `choice`, if the patient is entitled to it; null otherwise. */
export function entitledRoute(type: BookableType, access: PatientAccess, choice: RouteChoice): RouteOption | null {
  return (
    routesFor(type, access).find(
      (o) => o.route === choice.route && (o.route !== 'partner' || (choice.route === 'partner' && o.membershipId === choice.membershipId)),
    ) ?? null
  );
}
