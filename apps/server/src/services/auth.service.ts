import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { checkPassword, isStaffRole, PASSWORD_PROBLEM_MESSAGES, type Principal, type Role } from '@confide/domain';
import type { RegisterRequest, SessionResponse, TotpSetupResponse } from '@confide/contract';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { withoutPrincipal, withPrincipal } from '../db/with-principal';
import { fieldError, ProblemError, unauthorized } from '../errors/problem-error';
import { hashToken, newToken } from '../identity/tokens';
import { matchTotpStep, newTotpSecret, totpUri } from '../identity/totp';
import { loadMe } from './me.service';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

type RegisterInput = z.output<typeof RegisterRequest>;

export interface SignedIn {
  token: string;
  session: SessionResponse;
}

const UNIQUE_VIOLATION = '23505';

function invalidCredentials(): ProblemError {
  return new ProblemError(401, 'Sign-in failed', {
    code: 'invalid_credentials',
    detail: 'The email address or password is not right, or the account is locked for a few minutes after too many attempts.',
  });
}

function passwordProblem(password: string, email?: string): ProblemError | null {
  const problem = checkPassword(password, { email });
  return problem ? fieldError('body.password', PASSWORD_PROBLEM_MESSAGES[problem]) : null;
}

function sessionExpiry(deps: ServiceDeps): Date {
  return new Date(Date.now() + deps.config.session.absoluteHours * 3600_000);
}

/** A new patient account, signed in. Registration acts as the new patient, so RLS checks every row it writes. */
export async function register(deps: ServiceDeps, ctx: RequestContext, input: RegisterInput): Promise<SignedIn> {
  const weak = passwordProblem(input.password, input.email);
  if (weak) throw weak;
  const passwordHash = await deps.hasher.hash(input.password);
  const displayName = `${input.givenName} ${input.familyName}`;
  const principal: Principal = {
    userId: randomUUID(),
    displayName,
    role: 'patient',
    sessionId: randomUUID(),
    patientId: randomUUID(),
    organisationId: null,
    mfaSatisfied: true,
  };
  const token = newToken();
  const csrfToken = newToken();
  try {
    await withPrincipal(deps.dbs.app, principal, async (tx) => {
      await tx.query(
        `INSERT INTO users (id, email, password_hash, role, display_name) VALUES ($1, $2, $3, 'patient', $4)`,
        [principal.userId, input.email, passwordHash, displayName],
      );
      await tx.query(
        `INSERT INTO patients (id, user_id, given_name, family_name, date_of_birth, email, mobile, postcode, nhs_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [principal.patientId, principal.userId, input.givenName, input.familyName, input.dateOfBirth, input.email,
          input.mobile, input.postcode, input.nhsNumber ?? null],
      );
      await tx.query(
        `INSERT INTO sessions (id, user_id, token_hash, csrf_token, mfa_satisfied, expires_at) VALUES ($1, $2, $3, $4, true, $5)`,
        [principal.sessionId, principal.userId, hashToken(token), csrfToken, sessionExpiry(deps)],
      );
      await tx.query(
        `INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, patient_id)
         VALUES ('email', $1, 'Welcome to Confide', $2, $3, $4)`,
        [input.email, `Hello ${input.givenName},\n\nYour Confide account is ready. Sign in at ${deps.config.publicUrl}/sign-in.\n\nIf you did not create this account, reply to this email.`,
          principal.userId, principal.patientId],
      );
      await recordAudit(tx, ctx.meta, [
        { action: 'created', resourceType: 'patient', resourceId: principal.patientId, patientId: principal.patientId },
        { action: 'login', resourceType: 'account', resourceId: principal.userId, patientId: principal.patientId },
      ]);
    });
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw fieldError('body.email', 'An account with this email address already exists. Sign in, or reset your password.', 409);
    }
    throw err;
  }
  return { token, session: { user: await loadMe(deps, ctx, principal), csrfToken } };
}

interface CredentialRow {
  user_id: string;
  password_hash: string;
  role: Role;
  display_name: string;
  patient_id: string | null;
  organisation_id: string | null;
  totp_secret: string | null;
  totp_last_step: string | null;
  locked_until: Date | null;
}

/**
 * Email and password, then (for enrolled staff) a TOTP code. Failures are counted and lock the account for a
 * while; every outcome is audited. Staff who have not enrolled get a session that can only enrol.
 */
export async function login(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: { email: string; password: string; totpCode?: string | undefined },
): Promise<SignedIn> {
  const cred = await withoutPrincipal(deps.dbs.app, async (tx) => {
    const { rows } = await tx.query<CredentialRow>('SELECT * FROM auth_credentials($1)', [input.email]);
    return rows[0] ?? null;
  });
  const passwordOk = await deps.hasher.verify(cred?.password_hash ?? null, input.password);
  const locked = cred?.locked_until != null && cred.locked_until.getTime() > Date.now();

  const fail = async (reason: string, countIt: boolean): Promise<never> => {
    await withoutPrincipal(deps.dbs.app, async (tx) => {
      if (cred && countIt) {
        await tx.query('SELECT auth_note_login_failure($1, $2, $3)', [cred.user_id, deps.config.auth.lockoutThreshold, deps.config.auth.lockoutMinutes]);
      }
      await recordAudit(tx, ctx.meta, [
        {
          action: 'login_failed',
          resourceType: 'account',
          resourceId: cred?.user_id ?? null,
          patientId: cred?.patient_id ?? null,
          outcome: 'failure',
          detail: { reason },
        },
      ]);
    });
    throw reason === 'totp_invalid'
      ? new ProblemError(401, 'Sign-in failed', { code: 'totp_invalid', detail: 'That code is not right. Codes change every 30 seconds: try the newest one.' })
      : invalidCredentials();
  };

  if (!cred) return fail('unknown_account', false);
  if (locked) return fail('locked', false);
  if (!passwordOk) return fail('wrong_password', true);

  const staff = isStaffRole(cred.role);
  let totpStep: number | null = null;
  if (staff && cred.totp_secret) {
    if (!input.totpCode) {
      throw new ProblemError(401, 'Enter your code', {
        code: 'totp_required',
        detail: 'Enter the 6-digit code from your authenticator app.',
      });
    }
    totpStep = matchTotpStep(cred.totp_secret, input.totpCode);
    const replayed = totpStep !== null && cred.totp_last_step !== null && totpStep <= Number(cred.totp_last_step);
    if (totpStep === null || replayed) return fail('totp_invalid', true);
  }

  const principal: Principal = {
    userId: cred.user_id,
    displayName: cred.display_name,
    role: cred.role,
    sessionId: randomUUID(),
    patientId: cred.patient_id,
    organisationId: cred.organisation_id,
    mfaSatisfied: !staff || totpStep !== null,
  };
  const token = newToken();
  const csrfToken = newToken();
  await withPrincipal(deps.dbs.app, principal, async (tx) => {
    await tx.query(
      `UPDATE users SET failed_login_count = 0, locked_until = NULL, totp_last_step = coalesce($2, totp_last_step) WHERE id = $1`,
      [principal.userId, totpStep],
    );
    await tx.query(
      `INSERT INTO sessions (id, user_id, token_hash, csrf_token, mfa_satisfied, expires_at, second_factor_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END)`,
      [principal.sessionId, principal.userId, hashToken(token), csrfToken, principal.mfaSatisfied, sessionExpiry(deps), totpStep !== null],
    );
    await recordAudit(tx, ctx.meta, [
      { action: 'login', resourceType: 'account', resourceId: principal.userId, patientId: principal.patientId, detail: { mfa: totpStep !== null } },
    ]);
  });
  return { token, session: { user: await loadMe(deps, ctx, principal), csrfToken } };
}

interface SessionRow {
  session_id: string;
  user_id: string;
  role: Role;
  display_name: string;
  patient_id: string | null;
  organisation_id: string | null;
  mfa_satisfied: boolean;
  csrf_token: string;
}

/** The principal behind a session cookie, or null if the session is unknown, revoked, idle too long or expired. */
export async function principalFromSessionToken(
  deps: ServiceDeps,
  token: string,
): Promise<{ principal: Principal; csrfToken: string } | null> {
  const row = await withoutPrincipal(deps.dbs.app, async (tx) => {
    const { rows } = await tx.query<SessionRow>('SELECT * FROM auth_session_lookup($1, $2)', [hashToken(token), deps.config.session.idleMinutes]);
    return rows[0] ?? null;
  });
  if (!row) return null;
  return {
    csrfToken: row.csrf_token,
    principal: {
      userId: row.user_id,
      displayName: row.display_name,
      role: row.role,
      sessionId: row.session_id,
      patientId: row.patient_id,
      organisationId: row.organisation_id,
      mfaSatisfied: row.mfa_satisfied,
    },
  };
}

/** Ends the session on the server: the cookie is worthless afterwards even if it was copied. */
export async function logout(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<void> {
  await withPrincipal(deps.dbs.app, principal, async (tx) => {
    await tx.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [principal.sessionId]);
    await recordAudit(tx, ctx.meta, [{ action: 'logout', resourceType: 'account', resourceId: principal.userId, patientId: principal.patientId }]);
  });
}

function requireStaff(principal: Principal): void {
  if (!isStaffRole(principal.role)) {
    throw new ProblemError(403, 'Forbidden', { code: 'not_staff', detail: 'Two-step verification is for staff accounts.' });
  }
}

/** Starts TOTP enrolment: a new secret, kept pending until a code from it is confirmed. */
export async function startTotpEnrolment(deps: ServiceDeps, principal: Principal): Promise<TotpSetupResponse> {
  requireStaff(principal);
  const secret = newTotpSecret();
  const email = await withPrincipal(deps.dbs.app, principal, async (tx) => {
    const { rows } = await tx.query<{ email: string; totp_enrolled_at: Date | null }>(
      'SELECT email, totp_enrolled_at FROM users WHERE id = $1',
      [principal.userId],
    );
    const user = rows[0];
    if (!user) throw unauthorized();
    if (user.totp_enrolled_at) {
      throw new ProblemError(409, 'Already set up', { code: 'totp_enrolled', detail: 'Two-step verification is already set up for this account.' });
    }
    await tx.query('UPDATE users SET totp_pending_secret = $2, updated_at = now() WHERE id = $1', [principal.userId, secret]);
    return user.email;
  });
  const otpauthUri = totpUri(secret, email);
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }) };
}

/** Confirms enrolment with a code from the pending secret; the session then counts as having passed the second factor. */
export async function confirmTotpEnrolment(
  deps: ServiceDeps,
  ctx: RequestContext,
  principal: Principal,
  code: string,
): Promise<Principal> {
  requireStaff(principal);
  await withPrincipal(deps.dbs.app, principal, async (tx) => {
    const { rows } = await tx.query<{ totp_pending_secret: string | null }>('SELECT totp_pending_secret FROM users WHERE id = $1', [principal.userId]);
    const pending = rows[0]?.totp_pending_secret;
    if (!pending) {
      throw new ProblemError(409, 'Start again', { code: 'totp_not_started', detail: 'Start setting up two-step verification first.' });
    }
    const step = matchTotpStep(pending, code);
    if (step === null) throw fieldError('body.code', 'That code is not right. Codes change every 30 seconds: try the newest one.');
    await tx.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enrolled_at = now(),
         totp_last_step = $2, updated_at = now() WHERE id = $1`,
      [principal.userId, step],
    );
    await tx.query('UPDATE sessions SET mfa_satisfied = true, second_factor_at = now() WHERE id = $1', [principal.sessionId]);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'account', resourceId: principal.userId, detail: { mfa: 'enrolled' } }]);
  });
  return { ...principal, mfaSatisfied: true };
}

/** How long a confirmed second factor counts for acts that need a fresh one (signing a prescription). */
export const SECOND_FACTOR_FRESH_MS = 5 * 60 * 1000;

/**
 * Step-up: an enrolled staff member confirms a current code again. Acts such as signing a prescription need one
 * within the last 5 minutes in this session (checked by the service and by row-level security). A used code is refused.
 */
export async function confirmSecondFactor(deps: ServiceDeps, ctx: RequestContext, principal: Principal, code: string): Promise<{ confirmedAt: string; validUntil: string }> {
  requireStaff(principal);
  const outcome = await withPrincipal(deps.dbs.app, principal, async (tx) => {
    const { rows } = await tx.query<{ totp_secret: string | null; locked_until: Date | null }>('SELECT totp_secret, locked_until FROM second_factor_secret()');
    const secret = rows[0]?.totp_secret;
    if (!secret) throw new ProblemError(409, 'Set up two-step verification first', { code: 'totp_not_enrolled', detail: 'Set up two-step verification first.' });
    if (rows[0]!.locked_until && rows[0]!.locked_until.getTime() > Date.now()) return 'locked' as const;
    const step = matchTotpStep(secret, code);
    // Each time step's code is used once: the update succeeds only for a step later than the last one used.
    const used = step !== null && ((await tx.query(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)', [principal.userId, step],
    )).rowCount ?? 0) === 1;
    if (!used) return 'invalid' as const;
    await tx.query('UPDATE sessions SET second_factor_at = now() WHERE id = $1', [principal.sessionId]);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'account', resourceId: principal.userId, detail: { secondFactor: 'confirmed' } }]);
    return 'confirmed' as const;
  });
  if (outcome === 'locked') {
    throw new ProblemError(423, 'Too many wrong codes', { code: 'account_locked', detail: 'Too many wrong codes. Try again later, or ask a clinic administrator.' });
  }
  if (outcome === 'invalid') {
    // Wrong codes count towards locking the account, as at sign-in.
    await withoutPrincipal(deps.dbs.app, (tx) => tx.query('SELECT auth_note_login_failure($1, $2, $3)', [principal.userId, deps.config.auth.lockoutThreshold, deps.config.auth.lockoutMinutes]));
    await withPrincipal(deps.dbs.app, principal, (tx) =>
      recordAudit(tx, ctx.meta, [{ action: 'login_failed', resourceType: 'account', resourceId: principal.userId, outcome: 'failure', detail: { reason: 'second_factor_invalid' } }]));
    throw new ProblemError(401, 'That code is not right', {
      code: 'totp_invalid', detail: 'That code is not right. Codes change every 30 seconds: try the newest one.',
      errors: [{ field: 'body.code', message: 'That code is not right. Codes change every 30 seconds: try the newest one.' }],
    });
  }
  const now = Date.now();
  return { confirmedAt: new Date(now).toISOString(), validUntil: new Date(now + SECOND_FACTOR_FRESH_MS).toISOString() };
}

const RESET_TTL_MINUTES = 60;

/** Emails a one-time reset link if the account exists; answers the same either way. */
export async function requestPasswordReset(deps: ServiceDeps, ctx: RequestContext, email: string): Promise<void> {
  const token = newToken();
  const link = `${deps.config.publicUrl}/reset-password#token=${token}`;
  const body = `Hello {name},\n\nSomeone asked to reset the password for your Confide account. To choose a new password, open this link within ${RESET_TTL_MINUTES} minutes:\n\n${link}\n\nIf this was not you, you can ignore this email: your password has not changed.`;
  await withoutPrincipal(deps.dbs.app, async (tx) => {
    const { rows } = await tx.query<{ user_id: string | null }>(
      'SELECT auth_password_reset_request($1, $2, $3, $4, $5) AS user_id',
      [email, hashToken(token), RESET_TTL_MINUTES, 'Reset your Confide password', body],
    );
    const userId = rows[0]?.user_id ?? null;
    if (userId) {
      await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'password-reset', resourceId: userId }]);
    }
  });
}

/** Sets a new password from a reset link, once; every session of the account is ended. */
export async function completePasswordReset(deps: ServiceDeps, ctx: RequestContext, token: string, password: string): Promise<void> {
  const weak = passwordProblem(password);
  if (weak) throw weak;
  const passwordHash = await deps.hasher.hash(password);
  const userId = await withoutPrincipal(deps.dbs.app, async (tx) => {
    const { rows } = await tx.query<{ user_id: string | null }>('SELECT auth_password_reset_complete($1, $2) AS user_id', [hashToken(token), passwordHash]);
    const id = rows[0]?.user_id ?? null;
    if (id) await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'account', resourceId: id, detail: { password: 'reset' } }]);
    return id;
  });
  if (!userId) {
    throw new ProblemError(400, 'This link has expired', {
      code: 'invalid_token',
      detail: 'This reset link has expired or has already been used. Ask for a new one.',
    });
  }
}
