import type { AccessRouteChoice, Appointment, RouteOption } from '@confide/contract';
import { formatPounds } from '../format/money-format';

/** A radio value for each way of paying: one per route, and one per membership. */
export function routeValue(option: RouteOption): string {
  return option.route === 'partner' ? `partner:${option.membershipId}` : option.route;
}

/** How a way of paying reads as a choice: "NHS (free)", "Acme Health Insurance, Essential plan (covered)". */
export function routeLabel(option: RouteOption): string {
  switch (option.route) {
    case 'nhs':
      return 'NHS (free)';
    case 'partner':
      return `${option.partnerName}, ${option.planName} plan (covered)`;
    case 'private':
      return `Pay privately (${formatPounds(option.pricePence)})`;
  }
}

/** What the booking request says about the chosen way of paying. */
export function routeChoice(option: RouteOption): AccessRouteChoice {
  return option.route === 'partner' ? { route: 'partner', membershipId: option.membershipId } : { route: option.route };
}

const PAYMENT_STATUS_TEXT: Record<NonNullable<Appointment['payment']>['status'], string> = {
  pending: ', payment pending',
  paid: ' paid',
  failed: ', payment failed',
  refunded: ', refunded',
};

/** How a booked appointment is paid for: "NHS", "Acme Health Insurance membership", "Private: £49.00 paid"; null if not recorded. */
export function paidByLabel(appointment: Pick<Appointment, 'access' | 'payment'>): string | null {
  const { access, payment } = appointment;
  if (!access) return null;
  switch (access.route) {
    case 'nhs':
      return 'NHS';
    case 'partner':
      return access.partnerName ? `${access.partnerName} membership` : 'Membership';
    case 'private':
      return payment ? `Private: ${formatPounds(payment.amountPence)}${PAYMENT_STATUS_TEXT[payment.status]}` : 'Private';
  }
}
