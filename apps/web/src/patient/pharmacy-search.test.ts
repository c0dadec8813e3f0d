import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/api-problem';
import { checkPostcode, locationProblemText, OUTSIDE_UK_TEXT, POSTCODE_MISSING_TEXT, POSTCODE_UNKNOWN_TEXT, searchFailure } from './pharmacy-search';

describe('the postcode to search near', () => {
  it('is needed, unless the person uses their location', () => {
    expect(checkPostcode('  ')).toEqual({ ok: false, message: POSTCODE_MISSING_TEXT });
  });

  it('is tidied as the API expects it', () => {
    expect(checkPostcode(' ls1  4ap ')).toEqual({ ok: true, postcode: 'LS1 4AP' });
    expect(checkPostcode('sw1a1aa')).toEqual({ ok: true, postcode: 'SW1A 1AA' });
    expect(checkPostcode('M11AE')).toEqual({ ok: true, postcode: 'M1 1AE' });
  });

  it('must look like a UK postcode', () => {
    expect(checkPostcode('12345')).toEqual({ ok: false, message: 'Enter a UK postcode, like SW1A 1AA.' });
  });
});

describe('when the browser cannot give a location', () => {
  it('explains each reason plainly and offers the postcode instead', () => {
    expect(locationProblemText('unsupported')).toBe('Your browser cannot share your location. Enter your postcode instead.');
    expect(locationProblemText(1)).toContain('You have not allowed Confide to use your location.');
    expect(locationProblemText(2)).toBe('Your location could not be found. Enter your postcode instead.');
    expect(locationProblemText(3)).toBe('Finding your location took too long. Try again, or enter your postcode instead.');
  });
});

describe('a failed search', () => {
  it('marks the postcode when the directory does not know it', () => {
    const unknown = new ApiProblem({ type: 'about:blank', title: 'Not Found', status: 404, code: 'postcode_unknown' });
    expect(searchFailure(unknown, 'postcode')).toEqual({ errors: { postcode: POSTCODE_UNKNOWN_TEXT }, formError: null });
  });

  it('marks the postcode with what the API says is wrong with it', () => {
    const bad = new ApiProblem({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'body.postcode', message: 'Enter a UK postcode, like SW1A 1AA.' }],
    });
    expect(searchFailure(bad, 'postcode')).toEqual({ errors: { postcode: 'Enter a UK postcode, like SW1A 1AA.' }, formError: null });
  });

  it('says when a location is outside the UK, against the location button', () => {
    const abroad = new ApiProblem({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'body.latitude', message: 'Search within the UK.' }],
    });
    expect(searchFailure(abroad, 'location')).toEqual({ errors: { 'use-location': OUTSIDE_UK_TEXT }, formError: null });
  });

  it('gives anything else as a message about the whole search', () => {
    expect(searchFailure(ApiProblem.network(), 'postcode')).toEqual({
      errors: {},
      formError: 'We could not connect to Confide. Check your internet connection and try again.',
    });
    const odd = new ApiProblem({ type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ field: 'body.limit', message: 'Too many.' }] });
    expect(searchFailure(odd, 'location')).toEqual({ errors: {}, formError: 'Too many.' });
  });
});
