import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/api-problem';
import { CODE_FORMAT_MESSAGE, CODE_STILL_NEEDED_MESSAGE, CODE_WRONG_MESSAGE, checkAuthenticatorCode, confirmThenSign, needsSecondFactor, settleSigning, trySigning } from './second-factor';

const codeNeeded = new ApiProblem({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'second_factor_required' });
const forbidden = new ApiProblem({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' });
const wrongCode = new ApiProblem({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'totp_invalid' });

describe('signing that may need the authenticator code first', () => {
  it('recognises only the second-factor refusal', () => {
    expect(needsSecondFactor(codeNeeded)).toBe(true);
    expect(needsSecondFactor(forbidden)).toBe(false);
    expect(needsSecondFactor(new Error('x'))).toBe(false);
  });

  it('passes on what was signed', async () => {
    expect(await trySigning(async () => 'sent')).toEqual({ status: 'signed', result: 'sent' });
  });

  it('asks for the code when the API wants it, and throws anything else', async () => {
    expect(await trySigning(() => Promise.reject(codeNeeded))).toEqual({ status: 'needs-code' });
    await expect(trySigning(() => Promise.reject(forbidden))).rejects.toBe(forbidden);
  });
});

describe('confirming the code, then signing again', () => {
  it('accepts 6 digits, with the spaces people copy with them', () => {
    expect(checkAuthenticatorCode(' 123 456 ')).toEqual({ ok: true, request: { code: '123456' } });
    expect(checkAuthenticatorCode('12345')).toEqual({ ok: false, message: CODE_FORMAT_MESSAGE });
    expect(checkAuthenticatorCode('12345a')).toEqual({ ok: false, message: CODE_FORMAT_MESSAGE });
  });

  it('confirms the code, then sends what was waiting', async () => {
    const calls: string[] = [];
    const confirm = vi.fn(async (request: { code: string }) => calls.push(`confirm ${request.code}`));
    const send = vi.fn(async () => {
      calls.push('send');
      return 'sent';
    });
    expect(await confirmThenSign('123 456', confirm, send)).toEqual({ status: 'signed', result: 'sent' });
    expect(calls).toEqual(['confirm 123456', 'send']);
  });

  it('does not post a code in the wrong shape', async () => {
    const confirm = vi.fn(async () => undefined);
    const send = vi.fn(async () => 'sent');
    expect(await confirmThenSign('12', confirm, send)).toEqual({ status: 'code-problem', message: CODE_FORMAT_MESSAGE });
    expect(confirm).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('says a wrong code is wrong, and does not send', async () => {
    const send = vi.fn(async () => 'sent');
    expect(await confirmThenSign('000000', () => Promise.reject(wrongCode), send)).toEqual({ status: 'code-problem', message: CODE_WRONG_MESSAGE });
    expect(send).not.toHaveBeenCalled();
  });

  it('throws other failures of either step', async () => {
    await expect(confirmThenSign('123456', () => Promise.reject(forbidden), async () => 'sent')).rejects.toBe(forbidden);
    await expect(confirmThenSign('123456', async () => undefined, () => Promise.reject(forbidden))).rejects.toBe(forbidden);
  });

  it('asks again if the confirmation has somehow lapsed before sending', async () => {
    expect(await confirmThenSign('123456', async () => undefined, () => Promise.reject(codeNeeded))).toEqual({ status: 'needs-code' });
  });
});

describe('what the form shows after an attempt to sign', () => {
  const form = () => ({ show: vi.fn(), clear: vi.fn() });

  it('gives back what was signed and clears the form', () => {
    const f = form();
    expect(settleSigning({ status: 'signed', result: 'rx' }, 'confirming', f, 'code')).toBe('rx');
    expect(f.clear).toHaveBeenCalled();
    expect(f.show).not.toHaveBeenCalled();
  });

  it('first time, only opens the code field; after confirming, says the code is still needed', () => {
    const first = form();
    expect(settleSigning({ status: 'needs-code' }, 'first', first, 'code')).toBeNull();
    expect(first.clear).toHaveBeenCalled();
    const again = form();
    expect(settleSigning({ status: 'needs-code' }, 'confirming', again, 'code')).toBeNull();
    expect(again.show).toHaveBeenCalledWith({ code: CODE_STILL_NEEDED_MESSAGE });
  });

  it('puts a code problem on the code field', () => {
    const f = form();
    expect(settleSigning({ status: 'code-problem', message: CODE_WRONG_MESSAGE }, 'confirming', f, 'code')).toBeNull();
    expect(f.show).toHaveBeenCalledWith({ code: CODE_WRONG_MESSAGE });
  });
});
