import { formatNhsNumber } from '@confide/domain';

/** An NHS number as patients see it on letters (943 476 5919), or a plain "Not given". */
export function displayNhsNumber(nhsNumber: string | null, missing = 'Not given'): string {
  return nhsNumber ? formatNhsNumber(nhsNumber) : missing;
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}
