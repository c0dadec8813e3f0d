import path from 'node:path';
import { DEFAULT_CLINIC_TIME_ZONE, isTimeZone } from '@confide/domain';
import { z } from 'zod';

/**
 * The one configuration object, read from the environment once at start and validated.
 * Defaults make `npm start` work on a laptop; production refuses to start without what it needs,
 * naming the variable but never echoing its value.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_ADMIN_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  MEMBERSHIP_LINK_ATTEMPTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  TRIAGE_ASSESSMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
  WEB_DIST_DIR: z.string().optional(),
  CLINIC_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'Name an IANA time zone, like Europe/London.')
    .default(DEFAULT_CLINIC_TIME_ZONE),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Confide <no-reply@confide.localhost>'),
  REMINDER_LEAD_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
  OUTBOX_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  STUN_URLS: z.string().optional(),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().min(16).optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  FEATURE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  RECORDING: z.enum(['on', 'off']).default('on'),
  RECORDER_HOST_ADDRESSES: z.string().optional(),
  RECORDING_KEK: z.string().optional(),
  RECORDING_KEK_FILE: z.string().optional(),
  RECORDING_ERASURE: z.enum(['allowed', 'refused']).default('allowed'),
  RECORDING_SEGMENT_SECONDS: z.coerce.number().min(1).max(60).default(5),
  PAYMENT_PROVIDER: z.enum(['test', 'none']).optional(),
  PAYMENT_TEST_OUTCOME: z.enum(['paid', 'declined']).default('paid'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  database:
    | { kind: 'embedded'; dataDir: string }
    | { kind: 'postgres'; url: string; adminUrl: string; poolSize: number };
  demoSeed: 'auto' | 'on' | 'off';
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number };
  auth: {
    loginRateLimitPerMinute: number;
    /** Tries per patient per hour at linking a membership (the member number and date of birth are the proof). */
    membershipLinkAttemptsPerHour: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
    argon2: { memoryCost: number; timeCost: number };
  };
  /** The public symptom checker: assessments per minute per address (it needs no account). */
  triage: { assessmentsPerMinute: number };
  webDistDir: string;
  /** The clinic's own time zone: times in messages are written in it. */
  clinicTimeZone: string;
  messaging: { smtpUrl: string | null; from: string; reminderLeadMinutes: number; pollSeconds: number };
  calls: {
    stunUrls: string[];
    turn: { urls: string[]; secret: string; ttlSeconds: number } | null;
    /** Extra host addresses the server's recording peer offers as ICE candidates (e.g. its public IP). */
    recorderHostAddresses: string[];
  };
  /** How often each server re-reads the kill switches. */
  featurePollMs: number;
  recording: {
    enabled: boolean;
    /** Base64 of 32 bytes, from RECORDING_KEK or the file RECORDING_KEK_FILE; null: a development key under DATA_DIR. */
    kek: string | null;
    kekFile: string;
    segmentSeconds: number;
    blobDir: string;
    /** Whether patients may have their recordings erased (the clinic's legal position; see README). */
    erasureAllowed: boolean;
  };
  /** Who takes private payments: the in-process test provider (never in production) or nobody (private pay off). */
  payments: { provider: 'test' | 'none'; testOutcome: 'paid' | 'declined' };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    // Name the variables, never their values.
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
    throw new ConfigError(`Invalid configuration in: ${names}. See the configuration table in README.md.`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = ['DATABASE_URL', 'PUBLIC_URL'].filter((n) => !env[n]);
    if (missing.length > 0) throw new ConfigError(`Missing required configuration in production: ${missing.join(', ')}.`);
  }
  if (e.NODE_ENV === 'production' && e.PAYMENT_PROVIDER === 'test') {
    throw new ConfigError('PAYMENT_PROVIDER=test takes no money and cannot be used in production. Use none until a real provider is configured.');
  }
  if (e.NODE_ENV === 'production' && e.RECORDING === 'on' && !e.RECORDING_KEK && !e.RECORDING_KEK_FILE) {
    throw new ConfigError('Missing required configuration in production: RECORDING_KEK or RECORDING_KEK_FILE (or RECORDING=off).');
  }
  const splitUrls = (v: string | undefined) => (v ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, adminUrl: e.DATABASE_ADMIN_URL ?? e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pg') },
    demoSeed: e.DEMO_SEED,
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    triage: { assessmentsPerMinute: e.TRIAGE_ASSESSMENTS_PER_MINUTE },
    auth: {
      loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      membershipLinkAttemptsPerHour: e.MEMBERSHIP_LINK_ATTEMPTS_PER_HOUR,
      lockoutThreshold: e.LOCKOUT_THRESHOLD,
      lockoutMinutes: e.LOCKOUT_MINUTES,
      argon2: { memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST },
    },
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR ?? 'apps/web/dist'),
    clinicTimeZone: e.CLINIC_TIME_ZONE,
    messaging: { smtpUrl: e.SMTP_URL ?? null, from: e.SMTP_FROM, reminderLeadMinutes: e.REMINDER_LEAD_MINUTES, pollSeconds: e.OUTBOX_POLL_SECONDS },
    calls: {
      stunUrls: splitUrls(e.STUN_URLS),
      turn: e.TURN_URLS && e.TURN_SECRET ? { urls: splitUrls(e.TURN_URLS), secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS } : null,
      recorderHostAddresses: splitUrls(e.RECORDER_HOST_ADDRESSES ?? (e.NODE_ENV === 'production' ? '' : '127.0.0.1')),
    },
    featurePollMs: e.FEATURE_POLL_MS,
    recording: {
      enabled: e.RECORDING === 'on',
      kek: e.RECORDING_KEK ?? null,
      kekFile: e.RECORDING_KEK_FILE ? path.resolve(cwd, e.RECORDING_KEK_FILE) : path.join(dataDir, 'keys', 'recording-kek'),
      segmentSeconds: e.RECORDING_SEGMENT_SECONDS,
      blobDir: path.join(dataDir, 'blobs'),
      erasureAllowed: e.RECORDING_ERASURE === 'allowed',
    },
    payments: {
      provider: e.PAYMENT_PROVIDER ?? (e.NODE_ENV === 'production' ? 'none' : 'test'),
      testOutcome: e.PAYMENT_TEST_OUTCOME,
    },
  };
}
