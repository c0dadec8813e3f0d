import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/api-problem';
import { REPLAYS_UNAVAILABLE_TEXT, replayProblemOf } from './replay-problem';

const problem = (status: number, code?: string, detail?: string) => new ApiProblem({ type: 'about:blank', title: 'Problem', status, code, detail });

describe('why a recording cannot be played', () => {
  it('is not found (or not yours) on 404', () => {
    expect(replayProblemOf(problem(404))).toEqual({ kind: 'not-found' });
  });

  it("passes on the server's plain English when the consultation has not ended", () => {
    const notReady = problem(409, 'replay_not_ready', 'A recording can be played once the consultation has ended.');
    expect(replayProblemOf(notReady)).toEqual({ kind: 'not-ready', message: 'A recording can be played once the consultation has ended.' });
  });

  it('is temporarily unavailable while Consultation Replays is switched off', () => {
    expect(replayProblemOf(problem(503, 'feature_off'))).toEqual({ kind: 'unavailable' });
    expect(REPLAYS_UNAVAILABLE_TEXT).toBe('Consultation Replays is temporarily unavailable. Please try again later.');
  });

  it('is anything else otherwise, such as a lost connection', () => {
    expect(replayProblemOf(ApiProblem.network())).toEqual({ kind: 'other' });
    expect(replayProblemOf(problem(500))).toEqual({ kind: 'other' });
    expect(replayProblemOf(new Error('boom'))).toEqual({ kind: 'other' });
  });
});
