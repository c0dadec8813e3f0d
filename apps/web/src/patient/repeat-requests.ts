import type { Prescription, RepeatRequest } from '@confide/contract';
import { isApiProblem } from '../api/api-problem';
import { problemMessage } from '../api/problem-message';

/** What happened to a repeat request, as the patient reads it. */
export function repeatRequestStatusText(request: Pick<RepeatRequest, 'status' | 'decisionReason'>): string {
  switch (request.status) {
    case 'requested':
      return 'Waiting for your clinician';
    case 'approved':
      return 'Approved — a new prescription has been sent';
    case 'declined': {
      const reason = request.decisionReason?.trim();
      return reason ? `Declined: ${reason}` : 'Declined';
    }
  }
}

const latest = (request: RepeatRequest) => Date.parse(request.decidedAt ?? request.requestedAt) || 0;

/**
 * The repeat requests to list, all of them or those for one prescription: the ones still waiting for a clinician
 * first, then the rest, most recently asked for or decided first.
 */
export function repeatRequestsToShow(requests: readonly RepeatRequest[], prescriptionId?: string): RepeatRequest[] {
  return requests
    .filter((request) => prescriptionId === undefined || request.prescriptionId === prescriptionId)
    .sort((a, b) => {
      const waiting = Number(b.status === 'requested') - Number(a.status === 'requested');
      return waiting !== 0 ? waiting : latest(b) - latest(a);
    });
}

/** The request for this prescription that a clinician has not decided yet, if there is one. */
export function waitingRequestFor(requests: readonly RepeatRequest[], prescriptionId: string): RepeatRequest | null {
  return requests.find((request) => request.prescriptionId === prescriptionId && request.status === 'requested') ?? null;
}

export const REPEAT_NOT_ALLOWED_TEXT = 'You cannot ask for a repeat of this prescription now. You may have asked already, or it may have ended.';

/** Why asking for a repeat failed, in a sentence. */
export function repeatProblemText(error: unknown): string {
  if (isApiProblem(error) && error.code === 'repeat_not_allowed') return REPEAT_NOT_ALLOWED_TEXT;
  return problemMessage(error);
}

/** Why there is no "Request a repeat" for a prescription, or null when the patient may ask for one. */
export function noRepeatText(prescription: Pick<Prescription, 'repeatable' | 'repeatRequestable'>, waiting: RepeatRequest | null): string | null {
  if (prescription.repeatRequestable) return null;
  if (waiting) return 'You have asked for a repeat of this prescription. Your clinician has not decided yet.';
  if (!prescription.repeatable) return 'This is not a repeat prescription. If you need more, book an appointment.';
  return 'You cannot ask for a repeat of this prescription now.';
}
