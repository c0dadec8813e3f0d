import { checkPassword, PASSWORD_MIN_LENGTH, PASSWORD_PROBLEM_MESSAGES } from '@confide/domain';

/** The hint under every new-password field, after NIST SP 800-63B: length matters, not symbols. */
export const NEW_PASSWORD_HINT =
  `Use at least ${PASSWORD_MIN_LENGTH} characters. Three or four unrelated words together make a strong ` +
  'password that is easy to remember. Do not use a common password or your email address.';

/** The message for a new password that breaks the rules, or undefined if it is acceptable. */
export function newPasswordError(password: string, email?: string): string | undefined {
  if (password.length === 0) return 'Enter a password.';
  const problem = checkPassword(password, { email });
  return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : undefined;
}
