import { Notice } from '../components/Notice';

/** Shown instead of the booking forms while an administrator has switched booking off. */
export function BookingUnavailable() {
  return (
    <Notice kind="warning">
      <p>Booking is temporarily unavailable. Please try again later.</p>
    </Notice>
  );
}
