import { RegisterRequest } from '@confide/contract';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/field-errors';
import { newPasswordError } from '../forms/password-guidance';

export interface SignUpValues {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string;
  mobile: string;
  postcode: string;
  nhsNumber: string;
  password: string;
}

export const EMPTY_SIGN_UP: SignUpValues = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  email: '',
  mobile: '',
  postcode: '',
  nhsNumber: '',
  password: '',
};

/** The order fields appear on the form, for the error summary. */
export const SIGN_UP_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'email',
  'mobile',
  'postcode',
  'nhsNumber',
  'password',
] as const;

const MISSING: Partial<Record<keyof SignUpValues, string>> = {
  givenName: 'Enter your given name.',
  familyName: 'Enter your family name.',
  dateOfBirth: 'Enter your date of birth.',
  email: 'Enter your email address.',
  mobile: 'Enter your mobile number.',
  postcode: 'Enter your postcode.',
};

/** The request body: the NHS number is left out when blank. */
export function toRegisterRequest(values: SignUpValues): RegisterRequest {
  const nhsNumber = values.nhsNumber.trim();
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    dateOfBirth: values.dateOfBirth,
    email: values.email.trim(),
    mobile: values.mobile.trim(),
    postcode: values.postcode.trim(),
    ...(nhsNumber ? { nhsNumber } : {}),
    password: values.password,
  };
}

/** Checks the form before sending it, with the same schema the server uses; the server still decides. */
export function validateSignUp(values: SignUpValues): FieldErrors {
  const result = RegisterRequest.safeParse(toRegisterRequest(values));
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromIssues(result.error.issues);
  for (const [field, message] of Object.entries(MISSING)) {
    if (values[field as keyof SignUpValues].trim() === '') errors[field] = message;
  }
  const passwordError = newPasswordError(values.password, values.email.trim());
  if (passwordError) errors.password = passwordError;
  return errors;
}
