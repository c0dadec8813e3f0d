import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API, CLINIC_TIME_ZONE_META, type AccessLog } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, newRegistration, type TestContext } from '../../test/test-app';
import { createStaff, registerPatient, type WorldPatient } from '../../test/world';

let ctx: TestContext;
let alice: WorldPatient;
let bob: WorldPatient;
beforeAll(async () => {
  ctx = await createTestApp();
  alice = await registerPatient(ctx);
  bob = await registerPatient(ctx);
});
afterAll(async () => ctx.close());

describe('API conventions', () => {
  it('invalid input is a 400 problem+json naming each field', async () => {
    const res = await new ApiClient(ctx.app).post(API.register, { ...newRegistration(), email: 'not-an-email', mobile: '123' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['body.email', 'body.mobile']);
    expect((res.body as { detail: string }).detail).toContain('body.email');
  });

  it('malformed JSON is a 400 problem, not a crash', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: API.login, payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('401 when signed out, 403 for the wrong role, 404 for another patient — exactly as for a missing one', async () => {
    expect((await new ApiClient(ctx.app).get(API.me)).status).toBe(401);
    expect((await alice.client.get(API.staff)).status).toBe(403);
    const other = await alice.client.get(API.patient(bob.patientId));
    const missing = await alice.client.get(API.patient('6f1d2c3b-0000-4000-8000-000000000000'));
    expect(other.status).toBe(404);
    expect(other.text).toBe(missing.text.replace(/"instance":"[^"]*",?/, ''));
    expect(other.text).not.toContain(bob.patientId);
  });

  it('a denied attempt is audited, and shows in the other patient’s access history', async () => {
    await alice.client.get(API.patient(bob.patientId));
    const log = (await bob.client.get(API.myAccessLog)).body as AccessLog;
    const denied = log.items.find((e) => e.action === 'denied');
    expect(denied).toMatchObject({ outcome: 'denied', actor: { isYou: false, role: 'patient' } });
  });

  it('serves OpenAPI 3.1 generated from the route schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([API.register, API.login, API.me, '/api/v1/patients/{patientId}']));
  });

  it('health and readiness probes', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('security headers on every response; no-store on the API; a request id', async () => {
    const res = await alice.client.get(API.me);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one line per request with the route template, and no patient data, cookies or tokens', async () => {
    const p = await registerPatient(ctx, { givenName: 'Zebedee', familyName: 'Quixotic' });
    await p.client.get(API.patient(p.patientId));
    await p.client.patch(API.myPatient, { postcode: 'N1 9GU' });
    const all = ctx.logs.join('\n');
    expect(all).toContain('"route":"/api/v1/patients/:patientId"');
    for (const secret of ['Zebedee', 'Quixotic', p.email, p.patientId, 'N1 9GU', p.client.cookie!, p.client.csrfToken!, p.password]) {
      expect(all).not.toContain(secret);
    }
  });

  it('an unexpected failure is a bare 500 with a reference, logged without its data', async () => {
    const broken = await createTestApp({ dbs: ctx.dbs });
    try {
      await ctx.dbs.admin.exec('ALTER TABLE patients RENAME COLUMN postcode TO postcode_gone');
      const res = await broken.app.inject({ method: 'GET', url: API.me, headers: { cookie: `__Host-confide_session=${alice.client.cookie}` } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ status: 500, title: 'Something went wrong' });
      expect(res.body).not.toMatch(/postcode|column|SELECT/i);
    } finally {
      await ctx.dbs.admin.exec('ALTER TABLE patients RENAME COLUMN postcode_gone TO postcode');
      await broken.close();
    }
  });

  it('clinic admins see staff, not patients', async () => {
    const admin = await createStaff(ctx, 'clinic_admin', 'Ada Admin');
    const staff = await admin.client.get(API.staff);
    expect(staff.status).toBe(200);
    expect(staff.text).not.toContain(alice.email);
    expect((await admin.client.get(API.patient(alice.patientId))).status).toBe(403);
  });

  it('serves the web app: its files, its page (naming the clinic time zone) for client routes, and 404 for a missing file or API path', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-web-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Confide</title></head><body></body></html>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const web = await createTestApp({ dbs: ctx.dbs, env: { WEB_DIST_DIR: dist, CLINIC_TIME_ZONE: 'Europe/Dublin' } });
    try {
      const page = await web.app.inject({ method: 'GET', url: '/patient/profile' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain(`<meta name="${CLINIC_TIME_ZONE_META}" content="Europe/Dublin" />\n  </head>`);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect((await web.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>Confide</title>');
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await web.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      const api = await web.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await web.close();
    }
  });
});
