import type { Feature } from '@confide/contract';

/** Each service an administrator can switch off, as people know it. */
export const FEATURE_LABELS: Record<Feature, string> = {
  replays: 'Consultation Replays',
  recording: 'Call recording',
  booking: 'Booking',
  chat: 'In-call chat',
  prescribing: 'Prescribing',
};
