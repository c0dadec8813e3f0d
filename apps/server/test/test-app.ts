import { Writable } from 'node:stream';
import { API, CSRF_HEADER, type SessionResponse } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteInfo } from '../src/app';
import { loadConfig, type Config } from '../src/config/config';
import type { Databases } from '../src/db/database';
import { SESSION_COOKIE } from '../src/http/session-cookie';
import type { PaymentProvider } from '../src/payments/payment-provider';
import type { Faults, ServiceDeps } from '../src/services/service-deps';
import { createTestDatabases } from './test-databases';

export type TestApp = FastifyInstance & { confideRoutes: RouteInfo[] };

export interface TestContext {
  app: TestApp;
  dbs: Databases;
  config: Config;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** Cheap password hashing for tests: the algorithm is the same, the cost is not what is being tested. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  MEMBERSHIP_LINK_ATTEMPTS_PER_HOUR: '100000',
  // Tests that record turn it on with their own data directory (see recording tests and the browser harness).
  RECORDING: 'off',
  DATA_DIR: '/nonexistent-confide-test',
  WEB_DIST_DIR: '/nonexistent-confide-web',
};

export async function createTestApp(
  options: {
    faults?: Faults; env?: Record<string, string>; dbs?: Databases; payments?: PaymentProvider | null; recordings?: ServiceDeps['recordings'];
    beforeReady?: (app: TestApp) => void;
  } = {},
): Promise<TestContext> {
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const dbs = options.dbs ?? (await createTestDatabases());
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const app = (await buildApp({ config, dbs, faults: options.faults, logStream, ...(options.payments !== undefined ? { payments: options.payments } : {}), recordings: options.recordings })) as TestApp;
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    dbs,
    config,
    logs,
    close: async () => {
      await app.close();
      if (!options.dbs) await dbs.close();
    },
  };
}

export interface Reply {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A signed-in (or not) caller: keeps the session cookie and CSRF token like a browser would. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  session: SessionResponse | null = null;

  constructor(private readonly app: TestApp) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: {
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
        ...(this.csrfToken && method !== 'GET' ? { [CSRF_HEADER]: this.csrfToken } : {}),
        ...headers,
      },
    });
    const setCookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (setCookie) this.cookie = setCookie.value || null;
    let body: unknown = null;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      body = null;
    }
    if (res.statusCode < 300 && body && typeof body === 'object' && 'csrfToken' in body) {
      this.session = body as SessionResponse;
      this.csrfToken = this.session.csrfToken;
    }
    return { status: res.statusCode, body, text: res.body, headers: res.headers };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }

  async login(email: string, password: string, totpCode?: string): Promise<Reply> {
    return this.post(API.login, { email, password, ...(totpCode ? { totpCode } : {}) });
  }
}

let counter = 0;
/** A valid registration, unique per call. */
export function newRegistration(overrides: Record<string, unknown> = {}) {
  counter += 1;
  // Separators make every marker unique, not merely a prefix of another (1 vs 11).
  const n = `${process.pid}x${counter}`;
  return {
    givenName: `Given${n}g`,
    familyName: `Family${n}f`,
    dateOfBirth: '1990-05-17',
    email: `patient${n}@example.test`,
    mobile: '07700 900999',
    postcode: 'sw1a 1aa',
    password: 'correct horse battery staple',
    ...overrides,
  };
}
