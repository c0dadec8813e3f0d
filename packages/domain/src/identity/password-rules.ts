import { COMMON_PASSWORDS } from './common-passwords';

/**
 * NIST SP 800-63B memorised-secret rules: at least 8 characters, at most 128, not a commonly used or
 * breached password, not the user's own email; no composition rules.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'contains-email';

export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'too-common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains-email';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  'too-long': `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  'too-common': 'This password is too common and easy to guess. Try a few unrelated words together.',
  'contains-email': 'Do not include your email address in your password.',
};
