import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules';

describe('NIST 800-63B password rules', () => {
  it('needs at least 8 characters, counting characters not bytes', () => {
    expect(checkPassword('1234567')).toBe('too-short');
    expect(checkPassword('ééééééé')).toBe('too-short');
    expect(checkPassword('éééééééé')).toBeNull();
  });
  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('Password1')).toBe('too-common');
    expect(checkPassword('QWERTYUIOP')).toBe('too-common');
  });
  it('has no composition rules: a lowercase passphrase is fine', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
  });
  it('refuses the email address inside the password', () => {
    expect(checkPassword('jamie.taylor2026', { email: 'jamie.taylor@example.org' })).toBe('contains-email');
  });
  it('caps the length at 128', () => {
    expect(checkPassword('a'.repeat(129))).toBe('too-long');
  });
});
