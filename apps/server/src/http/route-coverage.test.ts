import { API, type Allergy, type CurrentMedicine, type Prescription, type RepeatRequest, type ReplayPlayback } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../test/memory-blob-store';
import { createTestApp, type TestContext } from '../../test/test-app';
import { createStaff, endConsultation, pharmacyWithPharmacist, recordSegment, registerPatient, startConsultation, type WorldPatient, type WorldStaff } from '../../test/world';
import { LocalKeyProvider } from '../recordings/key-provider';

/**
 * Enumerates every route the server has. Each must declare its access; each that declares patient data must
 * take a policy decision on every successful answer, whoever calls it.
 */
let ctx: TestContext;
let patient: WorldPatient;
let callers: { name: string; cookie: string; csrf: string }[];
let appointmentId: string;
let consultationId: string;
let mediaUrl: string;
let triageSessionId: string;
/** Stand-ins for the prescribing routes' ids. */
let ids: Record<string, string>;
const recordings = { blobs: new MemoryBlobStore(), keys: new LocalKeyProvider(Buffer.alloc(32, 5)) };
const decisionsByRoute = new Map<string, number>();

beforeAll(async () => {
  ctx = await createTestApp({
    recordings,
    beforeReady: (app) =>
      app.addHook('onResponse', async (req, reply) => {
        if (reply.statusCode < 300 && req.routeOptions.url) {
          const key = `${req.method} ${req.routeOptions.url}`;
          decisionsByRoute.set(key, Math.min(decisionsByRoute.get(key) ?? Infinity, req.ctx.decisions.length));
        }
      }),
  });
  patient = await registerPatient(ctx);
  const staff: WorldStaff[] = [await createStaff(ctx, 'clinician', 'Dr Route'), await createStaff(ctx, 'clinic_admin', 'Route Admin')];
  const { rows } = await ctx.dbs.admin.query<{ id: string }>(
    `INSERT INTO appointments (patient_id, clinician_user_id, appointment_type_id, starts_at, ends_at, reason)
     SELECT $1, $2, id, now() + interval '1 day', now() + interval '1 day 10 minutes', 'route coverage' FROM appointment_types WHERE code = 'gp-video'
     RETURNING id`,
    [patient.patientId, staff[0]!.userId],
  );
  appointmentId = rows[0]!.id;
  ({ consultationId } = await startConsultation(ctx, patient, staff[0]!));
  // A recording the patient has started playing: its media link stands in for :link.
  const replayed = await startConsultation(ctx, patient, staff[0]!);
  await recordSegment(ctx, recordings, replayed.consultationId, 'patient', 'audio-2s.webm', 0);
  await endConsultation(ctx, replayed.consultationId);
  triageSessionId = ((await patient.client.post(API.myTriageSessions, { text: 'a sore throat', age: 30, sex: 'female' })).body as { id: string }).id;
  mediaUrl = ((await patient.client.post(API.consultationReplay(replayed.consultationId), {})).body as ReplayPlayback).tracks[0]!.src;
  // A prescription sent to a pharmacy with its own pharmacist, a repeat request, an allergy and a current medicine.
  const pharmacy = await pharmacyWithPharmacist(ctx, 'FA001');
  await patient.client.request('PUT', API.myNominatedPharmacy, { pharmacyId: pharmacy.organisationId });
  const gp = staff[0]!;
  const allergy = (await gp.client.post(API.allergies(patient.patientId), { substance: 'latex', reaction: 'rash' })).body as Allergy;
  const medicine = (await gp.client.post(API.currentMedicines(patient.patientId), { medicineId: 'atorvastatin-20mg-tablet', dose: 'One at night' })).body as CurrentMedicine;
  const rx = (await gp.client.post(API.consultationPrescriptions(consultationId), {
    medicineId: 'ramipril-5mg-capsule', dosesPerTime: 1, timesPerDay: 1, durationDays: 28, quantity: 28, instructions: 'One a day', repeatable: true, overrides: [],
  })).body as Prescription;
  const request = (await patient.client.post(API.prescriptionRepeatRequests(rx.id), {})).body as RepeatRequest;
  ids = { ':prescriptionId': rx.id, ':requestId': request.id, ':allergyId': allergy.id, ':medicineEntryId': medicine.id };
  callers = [patient, ...staff, pharmacy.pharmacist].map((c, i) => ({ name: ['patient', 'clinician', 'admin', 'pharmacist'][i]!, cookie: c.client.cookie!, csrf: c.client.csrfToken! }));
});
afterAll(async () => ctx.close());

const KNOWN_PUBLIC = new Set([
  'GET /healthz', 'GET /readyz', 'GET /api/openapi.json',
  'POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'POST /api/v1/auth/password-reset', 'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/triage/assess', 'POST /api/v1/triage/chat',
]);

describe('route coverage', () => {
  it('every route declares its access, and only known routes are public', () => {
    const routes = ctx.app.confideRoutes.filter((r) => !(r.access.kind === 'public' && r.access.reason === 'web app file'));
    expect(routes.length).toBeGreaterThan(12);
    const publicRoutes = routes.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.url}`);
    expect(new Set(publicRoutes)).toEqual(KNOWN_PUBLIC);
  });

  it('the only WebSocket route is the call’s signalling, whose refusals are tested in signalling.test.ts', () => {
    expect(ctx.app.confideRoutes.filter((r) => r.websocket).map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/consultations/:consultationId/signal']);
  });

  it('every route that serves patient data takes a policy decision for every caller it answers', async () => {
    const patientRoutes = ctx.app.confideRoutes.filter((r) => r.access.kind === 'signed-in' && r.access.patientData && !r.websocket);
    expect(patientRoutes.length).toBeGreaterThan(4);
    for (const route of patientRoutes) {
      const method = route.method.split(',')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const url = route.url === '/api/v1/replay-media/:link/:participant' ? mediaUrl : Object.entries(ids).reduce(
        (u, [param, id]) => u.replace(param, id),
        route.url.replace(':patientId', patient.patientId).replace(':appointmentId', appointmentId).replace(':consultationId', consultationId).replace(':sessionId', triageSessionId),
      );
      expect(url, `${route.method} ${route.url} has an id this test does not fill in`).not.toContain(':');
      const payload = method === 'PATCH' ? { postcode: 'E1 6AN' } : method === 'POST' || method === 'PUT' ? {} : undefined;
      let answered = 0;
      for (const c of callers) {
        const res = await ctx.app.inject({
          method,
          url,
          ...(payload ? { payload } : {}),
          headers: { cookie: `__Host-confide_session=${c.cookie}`, 'x-csrf-token': c.csrf },
        });
        expect(res.statusCode, `${route.method} ${route.url} as ${c.name}`).not.toBe(500);
        if (res.statusCode < 300) answered += 1;
      }
      // Every read must answer someone; whatever answered must have decided.
      if (method === 'GET') expect(answered, `${route.method} ${route.url} answered nobody`).toBeGreaterThan(0);
      if (answered > 0) expect(decisionsByRoute.get(`${method} ${route.url}`), `${route.method} ${route.url}`).toBeGreaterThan(0);
    }
  });
});
