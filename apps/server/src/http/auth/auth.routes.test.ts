import { API, CSRF_HEADER, type OutboxList, type SessionResponse } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../identity/totp';
import { ApiClient, createTestApp, newRegistration, type TestContext } from '../../../test/test-app';
import { createStaff, registerPatient, STAFF_PASSWORD } from '../../../test/world';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ env: { LOCKOUT_THRESHOLD: '3' } });
});
afterAll(async () => ctx.close());

describe('registration', () => {
  it('creates a patient, signs them in with a __Host- HttpOnly Secure SameSite cookie, and normalises input', async () => {
    const client = new ApiClient(ctx.app);
    const res = await client.post(API.register, newRegistration({ email: 'New.Person@Example.TEST', postcode: 'sw1a1aa', nhsNumber: '943 476 5919' }));
    expect(res.status).toBe(201);
    const session = res.body as SessionResponse;
    expect(session.user.email).toBe('new.person@example.test');
    expect(session.user.patient).toMatchObject({ postcode: 'SW1A1AA', nhsNumber: '9434765919', mobile: '07700900999' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-confide_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    expect((await client.get(API.me)).status).toBe(200);
  });

  it('rejects an invalid NHS number, naming the field', async () => {
    const res = await new ApiClient(ctx.app).post(API.register, newRegistration({ nhsNumber: '9434765918' }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, errors: [{ field: 'body.nhsNumber' }] });
  });

  it.each([
    ['short1!', 'too-short'],
    ['password123', 'too-common'],
  ])('rejects the password %s (%s) under NIST rules', async (password) => {
    const res = await new ApiClient(ctx.app).post(API.register, newRegistration({ password }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: [{ field: 'body.password' }] });
  });

  it('accepts a long passphrase with no digits or symbols (no composition rules)', async () => {
    expect((await new ApiClient(ctx.app).post(API.register, newRegistration({ password: 'purple elephants dance quietly' }))).status).toBe(201);
  });

  it('answers 409 on the email field when the email is taken', async () => {
    const first = newRegistration();
    expect((await new ApiClient(ctx.app).post(API.register, first)).status).toBe(201);
    const res = await new ApiClient(ctx.app).post(API.register, newRegistration({ email: first.email }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ errors: [{ field: 'body.email' }] });
  });
});

describe('sign-in, sessions and sign-out', () => {
  it('signs in with email and password; a wrong password gets a generic 401', async () => {
    const p = await registerPatient(ctx);
    const ok = await new ApiClient(ctx.app).login(p.email, p.password);
    expect(ok.status).toBe(200);
    const bad = await new ApiClient(ctx.app).login(p.email, 'not the password at all');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'invalid_credentials' });
    const unknown = await new ApiClient(ctx.app).login('nobody@example.test', 'not the password at all');
    expect(unknown.body).toEqual(bad.body);
  });

  it('locks the account after repeated failures, even for the right password, and audits each failure', async () => {
    const p = await registerPatient(ctx);
    const attacker = new ApiClient(ctx.app);
    for (let i = 0; i < 3; i++) expect((await attacker.login(p.email, 'wrong password guess')).status).toBe(401);
    expect((await new ApiClient(ctx.app).login(p.email, p.password)).status).toBe(401);
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'login_failed' AND patient_id = $1`,
      [p.patientId],
    );
    expect(rows[0]?.n).toBe(4);
  });

  it('sign-out ends the session on the server: the old cookie no longer works', async () => {
    const p = await registerPatient(ctx);
    const stolen = p.client.cookie;
    expect((await p.client.post(API.logout)).status).toBe(204);
    const replay = new ApiClient(ctx.app);
    replay.cookie = stolen;
    expect((await replay.get(API.me)).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, or from another origin', async () => {
    const p = await registerPatient(ctx);
    const noToken = await p.client.request('PATCH', API.myPatient, { postcode: 'E1 6AN' }, { [CSRF_HEADER]: 'wrong' });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatchObject({ code: 'csrf' });
    const foreign = await p.client.request('PATCH', API.myPatient, { postcode: 'E1 6AN' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'cross_origin' });
    expect((await p.client.patch(API.myPatient, { postcode: 'E1 6AN' })).status).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, dbs: ctx.dbs });
    try {
      const client = new ApiClient(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.login('someone@example.test', 'whatever password')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('two-step verification for staff', () => {
  it('asks enrolled staff for a code, refuses a wrong or replayed one, accepts a fresh one', async () => {
    const gp = await createStaff(ctx, 'clinician', 'Dr Two Step');
    const c = new ApiClient(ctx.app);
    expect((await c.login(gp.email, STAFF_PASSWORD)).body).toMatchObject({ code: 'totp_required' });
    expect((await c.login(gp.email, STAFF_PASSWORD, '000000')).body).toMatchObject({ code: 'totp_invalid' });
    // createStaff already signed in with the current code: using it again is a replay.
    expect((await c.login(gp.email, STAFF_PASSWORD, currentTotpCode(gp.totpSecret))).body).toMatchObject({ code: 'totp_invalid' });
    const next = currentTotpCode(gp.totpSecret, Date.now() + 30_000);
    expect((await c.login(gp.email, STAFF_PASSWORD, next)).status).toBe(200);
  });

  it('staff without a second factor can only enrol; after enrolling they get in', async () => {
    const staff = await createStaff(ctx, 'pharmacist', 'New Pharmacist');
    await ctx.dbs.admin.query('UPDATE users SET totp_secret = NULL, totp_enrolled_at = NULL WHERE id = $1', [staff.userId]);
    const c = new ApiClient(ctx.app);
    const login = await c.login(staff.email, STAFF_PASSWORD);
    expect(login.status).toBe(200);
    expect((login.body as SessionResponse).user.mfa).toEqual({ required: true, enrolled: false, satisfied: false });
    const blocked = await c.get(API.patients);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'mfa_required' });
    const setup = await c.post(API.totpSetup);
    expect(setup.status).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = setup.body as { secret: string; otpauthUri: string; qrCodeDataUrl: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Confide:/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await c.post(API.totpConfirm, { code: '123456' === currentTotpCode(secret) ? '654321' : '123456' })).status).toBe(400);
    const confirmed = await c.post(API.totpConfirm, { code: currentTotpCode(secret) });
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as SessionResponse).user.mfa.satisfied).toBe(true);
    expect((await c.get(API.me)).status).toBe(200);
  });

  it('patients cannot enrol TOTP (403)', async () => {
    const p = await registerPatient(ctx);
    expect((await p.client.post(API.totpSetup)).status).toBe(403);
  });
});

describe('password reset', () => {
  it('emails a one-time link through the outbox; the token sets a new password once and ends old sessions', async () => {
    const p = await registerPatient(ctx);
    const anon = new ApiClient(ctx.app);
    expect((await anon.post(API.passwordReset, { email: p.email })).status).toBe(202);
    expect((await anon.post(API.passwordReset, { email: 'nobody-here@example.test' })).status).toBe(202);

    const admin = await createStaff(ctx, 'clinic_admin', 'Outbox Reader');
    const outbox = (await admin.client.get(API.outbox)).body as OutboxList;
    const mail = outbox.items.find((m) => m.to === p.email && m.subject.includes('Reset'));
    expect(mail).toBeDefined();
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.body)?.[1];
    expect(token).toBeDefined();
    expect(mail!.body).not.toContain('?token=');

    const newPassword = 'a brand new passphrase';
    expect((await anon.post(API.passwordResetConfirm, { token, password: newPassword })).status).toBe(204);
    expect((await anon.post(API.passwordResetConfirm, { token, password: newPassword })).body).toMatchObject({ code: 'invalid_token' });
    expect((await p.client.get(API.me)).status).toBe(401);
    expect((await new ApiClient(ctx.app).login(p.email, newPassword)).status).toBe(200);
    expect((await new ApiClient(ctx.app).login(p.email, p.password)).status).toBe(401);
  });
});
