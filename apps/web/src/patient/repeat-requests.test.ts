import { describe, expect, it } from 'vitest';
import type { RepeatRequest } from '@confide/contract';
import { ApiProblem } from '../api/api-problem';
import { noRepeatText, REPEAT_NOT_ALLOWED_TEXT, repeatProblemText, repeatRequestStatusText, repeatRequestsToShow, waitingRequestFor } from './repeat-requests';

const medicine = {
  id: 'omeprazole-20mg-capsule',
  name: 'Omeprazole',
  strength: '20 mg',
  form: 'capsule',
  route: 'oral',
  therapeuticClass: 'Proton pump inhibitor',
  adultDose: '20 mg once a day',
  childDose: null,
  doseUnit: 'mg',
  maxDailyDose: 40,
  controlledSchedule: null,
  repeatable: true,
};

function request(id: string, changes: Partial<RepeatRequest>): RepeatRequest {
  return {
    id,
    prescriptionId: 'p1',
    medicine,
    patient: { id: 'patient', name: 'Sam Patient' },
    note: null,
    status: 'requested',
    requestedAt: '2026-11-20T10:00:00Z',
    decidedAt: null,
    decisionReason: null,
    newPrescriptionId: null,
    ...changes,
  };
}

describe('what happened to a repeat request', () => {
  it('reads plainly for each outcome', () => {
    expect(repeatRequestStatusText({ status: 'requested', decisionReason: null })).toBe('Waiting for your clinician');
    expect(repeatRequestStatusText({ status: 'approved', decisionReason: null })).toBe('Approved — a new prescription has been sent');
    expect(repeatRequestStatusText({ status: 'declined', decisionReason: ' Please book a review first. ' })).toBe('Declined: Please book a review first.');
    expect(repeatRequestStatusText({ status: 'declined', decisionReason: null })).toBe('Declined');
  });
});

describe('which repeat requests to list', () => {
  const old = request('old', { status: 'approved', requestedAt: '2026-10-01T10:00:00Z', decidedAt: '2026-10-02T10:00:00Z' });
  const declined = request('declined', { status: 'declined', requestedAt: '2026-11-01T10:00:00Z', decidedAt: '2026-11-21T10:00:00Z' });
  const waiting = request('waiting', { requestedAt: '2026-11-10T10:00:00Z' });
  const other = request('other', { prescriptionId: 'p2', requestedAt: '2026-11-22T10:00:00Z', status: 'declined', decidedAt: '2026-11-22T11:00:00Z' });

  it('puts those still waiting first, then the latest news first', () => {
    expect(repeatRequestsToShow([old, declined, other, waiting]).map((r) => r.id)).toEqual(['waiting', 'other', 'declined', 'old']);
  });

  it('can keep to one prescription', () => {
    expect(repeatRequestsToShow([old, other, waiting], 'p2').map((r) => r.id)).toEqual(['other']);
  });

  it('finds the one waiting for a prescription', () => {
    expect(waitingRequestFor([old, waiting], 'p1')?.id).toBe('waiting');
    expect(waitingRequestFor([old, waiting], 'p2')).toBeNull();
  });
});

describe('asking for a repeat', () => {
  it('explains a refusal because it is not allowed now', () => {
    const refused = new ApiProblem({ type: 'about:blank', title: 'Conflict', status: 409, code: 'repeat_not_allowed', detail: 'Not eligible.' });
    expect(repeatProblemText(refused)).toBe(REPEAT_NOT_ALLOWED_TEXT);
    expect(repeatProblemText(ApiProblem.network())).toBe('We could not connect to Confide. Check your internet connection and try again.');
  });

  it('says why there is no button', () => {
    expect(noRepeatText({ repeatable: true, repeatRequestable: true }, null)).toBeNull();
    expect(noRepeatText({ repeatable: true, repeatRequestable: false }, request('w', {}))).toBe(
      'You have asked for a repeat of this prescription. Your clinician has not decided yet.',
    );
    expect(noRepeatText({ repeatable: false, repeatRequestable: false }, null)).toBe('This is not a repeat prescription. If you need more, book an appointment.');
    expect(noRepeatText({ repeatable: true, repeatRequestable: false }, null)).toBe('You cannot ask for a repeat of this prescription now.');
  });
});
