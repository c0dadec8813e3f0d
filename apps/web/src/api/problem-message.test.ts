import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api-problem';
import { problemMessage } from './problem-message';

describe('the sentence for a failed request', () => {
  it('passes on what the server says when a service is switched off', () => {
    const off = new ApiProblem({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      code: 'feature_off',
      detail: 'Booking is temporarily unavailable. Please try again later.',
    });
    expect(problemMessage(off)).toBe('Booking is temporarily unavailable. Please try again later.');
  });

  it('keeps other server failures general', () => {
    const failed = new ApiProblem({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'stack trace' });
    expect(problemMessage(failed)).toBe('Sorry, there is a problem with the service. Try again later.');
  });
});
