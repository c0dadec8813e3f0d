import { loadFormulary } from '@confide/prescribing';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config/config';
import type { Databases } from './db/database';
import { FeatureSwitches } from './features/feature-switches';
import { PasswordHasher } from './identity/passwords';
import { Tripwire } from './tripwire/tripwire';
import { MediaStreams } from './recordings/media-streams';
import { SymptomChecker } from '@confide/triage';
import { triageRoutes } from './http/triage/triage.routes';
import { clinicalRecordRoutes } from './http/prescribing/clinical-record.routes';
import { pharmaciesRoutes } from './http/prescribing/pharmacies.routes';
import { prescriptionsRoutes } from './http/prescribing/prescriptions.routes';
import { signingKeysRoutes } from './http/prescribing/signing-keys.routes';
import { adminRoutes } from './http/admin/admin.routes';
import { readWebPage } from './http/web-page';
import { CallRooms } from './calls/call-rooms';
import type { CallRecorder } from './calls/call-recorder';
import { WeriftRecorder } from './calls/werift-recorder';
import type { KeyProvider } from './recordings/key-provider';
import { loadRecordingKeys } from './recordings/recording-keys';
import { FileBlobStore } from './storage/blob-store';
import { accessRoutes } from './http/access/access.routes';
import { appointmentsRoutes } from './http/appointments/appointments.routes';
import { authRoutes } from './http/auth/auth.routes';
import { consultationsRoutes } from './http/consultations/consultations.routes';
import { healthRoutes } from './http/health/health.routes';
import { meRoutes } from './http/me/me.routes';
import { partnerRoutes } from './http/partner/partner.routes';
import { patientsRoutes } from './http/patients/patients.routes';
import { replaysRoutes } from './http/replays/replays.routes';
import { PROBLEM_TYPE, problemBody, registerProblemHandler } from './http/problem-handler';
import type { RouteAccess } from './http/route-access';
import { registerSession } from './http/session.plugin';
import { loggerOptions } from './logging/logger-options';
import { paymentProviderFor, type PaymentProvider } from './payments/payment-provider';
import type { Faults, ServiceDeps } from './services/service-deps';

export interface AppDeps {
  config: Config;
  dbs: Databases;
  /** Test-only faults; production never passes any. */
  faults?: Faults;
  /** Where recordings are kept; by default files under DATA_DIR/blobs and the configured key. */
  recordings?: ServiceDeps['recordings'];
  /** Records calls (the server's WebRTC peer); none: calls are not recorded. */
  recorder?: CallRecorder | null;
  /** The payment provider; by default the configured one. */
  payments?: PaymentProvider | null;
  /** Where logs go (tests capture them). */
  logStream?: NodeJS.WritableStream;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  /** A WebSocket route (its upgrade is a GET). */
  websocket: boolean;
}

/** The recording key provider, loaded on first use (a server with recording off may have no key). */
function lazyKeys(config: Config): KeyProvider {
  let loaded: KeyProvider | null = null;
  const keys = () => (loaded ??= loadRecordingKeys(config));
  return {
    get keyId() {
      return keys().keyId;
    },
    wrap: (dataKey, context) => keys().wrap(dataKey, context),
    unwrap: (wrapped, context) => keys().unwrap(wrapped, context),
  };
}

/** Builds the whole app as a value without a port: main.ts listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { confideRoutes: RouteInfo[] }> {
  const { config } = deps;
  const logger = loggerOptions(config.logLevel);
  const app = Fastify({
    logger: deps.logStream ? { ...logger, stream: deps.logStream } : logger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    trustProxy: false,
    bodyLimit: 256 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: ServiceDeps = {
    dbs: deps.dbs,
    config,
    hasher: new PasswordHasher(config.auth.argon2),
    faults: deps.faults ?? {},
    payments: deps.payments !== undefined ? deps.payments : paymentProviderFor(config),
    recorder: null,
    tripwire: new Tripwire(deps.dbs, app.log),
    features: new FeatureSwitches(deps.dbs, app.log, config.featurePollMs),
    recordings: deps.recordings ?? { blobs: new FileBlobStore(config.recording.blobDir), keys: lazyKeys(config) },
    mediaStreams: new MediaStreams(app.log),
    symptomChecker: sharedSymptomChecker(),
    formulary: loadFormulary(),
  };
  app.addHook('onReady', async () => {
    await services.features.refresh();
    services.features.start();
  });
  app.addHook('onClose', async () => services.features.stop());
  const recorder: CallRecorder | null =
    deps.recorder !== undefined
      ? deps.recorder
      : config.recording.enabled
        ? new WeriftRecorder(services, services.recordings, app.log, {
            segmentMs: config.recording.segmentSeconds * 1000,
            additionalHostAddresses: config.calls.recorderHostAddresses,
          })
        : null;
  (services as { recorder: CallRecorder | null }).recorder = recorder;
  // Recording switched off: recordings in progress stop at once (what was captured is kept).
  services.features.onChange((feature, enabled) => {
    if (feature === 'recording' && !enabled) void recorder?.closeAll();
    // Replays switched off: media being streamed stops mid-response.
    if (feature === 'replays' && !enabled) services.mediaStreams.closeAll('Consultation Replays switched off');
  });
  // On shutdown, recordings in progress are flushed and committed (the sockets are closed first).
  app.addHook('onClose', async () => {
    services.mediaStreams.closeAll('server shutting down');
    await recorder?.closeAll();
  });
  const rooms = new CallRooms();

  // Every route must say who may call it; refuse to start otherwise.
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.every((m) => m === 'HEAD'))) return;
    const routeConfig = route.config as { access?: RouteAccess; file?: string } | undefined;
    // @fastify/static's routes, one per file of the built web app, mark themselves with `file`.
    const access: RouteAccess | undefined = routeConfig?.file ? { kind: 'public', reason: 'web app file' } : routeConfig?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access.`);
    routes.push({ method: String(route.method), url: route.url, access, websocket: Boolean((route as { websocket?: boolean }).websocket) });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });
  const httpOnly = config.publicUrl.startsWith('http://');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(httpOnly ? {} : { upgradeInsecureRequests: [] }),
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Confide API', version: '1', description: 'Telehealth with confidentiality built in. Errors are RFC 9457 problem details.' },
    },
    transform: jsonSchemaTransform,
  });

  registerProblemHandler(app);
  registerSession(app, services);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // Nothing from the API may be cached by a browser or proxy: it carries personal data.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Tripwire for the code, not the data: a route that declares patient data must have asked the policy module.
  app.addHook('onSend', async (req, reply, payload) => {
    const access = req.routeOptions.config.access;
    if (access?.kind === 'signed-in' && access.patientData && reply.statusCode < 300 && req.ctx.decisions.length === 0) {
      req.log.error({ route: req.routeOptions.url }, 'route answered with patient data but took no policy decision');
      reply.code(500).type(PROBLEM_TYPE);
      return JSON.stringify(problemBody(500, 'Something went wrong', { detail: `Quote reference ${req.id} if you contact us.` }));
    }
    return payload;
  });

  // The tripwire: the last check on everything a signed-in caller is sent (see tripwire/tripwire.ts).
  app.addHook('onSend', async (req, reply, payload) => {
    if (services.faults.tripwireOff || typeof payload !== 'string' || reply.statusCode >= 400) return payload;
    if (req.routeOptions.config.access?.kind !== 'signed-in' || !req.principal) return payload;
    const exposures = await services.tripwire.exposures(req.principal, payload);
    if (exposures.length === 0) return payload;
    await services.tripwire.block({ principal: req.principal, meta: req.ctx.meta, route: `${req.method} ${req.routeOptions.url ?? req.url}` }, exposures);
    reply.code(500).type(PROBLEM_TYPE);
    return JSON.stringify(problemBody(500, 'Something went wrong', { detail: `Quote reference ${req.id} if you contact us.` }));
  });

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { kind: 'public', reason: 'API description' } } }, async () => app.swagger());
  healthRoutes(app, services);
  authRoutes(app, services);
  meRoutes(app, services);
  patientsRoutes(app, services);
  adminRoutes(app, services);
  appointmentsRoutes(app, services);
  accessRoutes(app, services);
  partnerRoutes(app, services);
  consultationsRoutes(app, services, rooms);
  replaysRoutes(app, services);
  triageRoutes(app, services);
  clinicalRecordRoutes(app, services);
  pharmaciesRoutes(app, services);
  prescriptionsRoutes(app, services);
  signingKeysRoutes(app, services);

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    // Client-side routes (/sign-in, /patient/profile, ...) get the app's page; a missing file (has an extension) does not.
    const pathname = req.url.split(/[?#]/)[0] ?? '';
    const wantsPage = req.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
    if (hasWeb && wantsPage) {
      return reply.header('cache-control', 'no-cache').type('text/html').send(await readWebPage(indexHtml, config.clinicTimeZone));
    }
    return reply.code(404).type(PROBLEM_TYPE).send(problemBody(404, 'Not found', { detail: 'We could not find that.' }));
  });

  return Object.assign(app, { confideRoutes: routes }) as unknown as FastifyInstance & { confideRoutes: RouteInfo[] };
}

let checker: SymptomChecker | null = null;
/** One checker per process: its knowledge base is read and validated once (it is immutable). */
function sharedSymptomChecker(): SymptomChecker {
  checker ??= new SymptomChecker();
  return checker;
}
