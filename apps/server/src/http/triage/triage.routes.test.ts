import { API, type AccessLog, type TriageResult, type TriageSession, type TriageSessionList } from '@confide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestContext } from '../../../test/test-app';
import { registerPatient, type WorldPatient } from '../../../test/world';

let ctx: TestContext;
let alice: WorldPatient;
let bob: WorldPatient;
let anonymous: ApiClient;

beforeAll(async () => {
  ctx = await createTestApp();
  [alice, bob] = [await registerPatient(ctx), await registerPatient(ctx)];
  anonymous = new ApiClient(ctx.app);
});
afterAll(async () => ctx.close());

const assess = async (text: string, age = 40, sex: 'female' | 'male' = 'female') => {
  const res = await anonymous.post(API.triageAssess, { text, age, sex });
  expect(res.status, res.text).toBe(200);
  return res.body as TriageResult;
};

describe('single-shot assessment (no account)', () => {
  it('answers the documented shape: triage, conditions with probabilities, findings and follow-up questions', async () => {
    const r = await assess('sore throat and a temperature for 3 days, no cough', 24, 'male');
    expect(r.triage).toMatch(/^(emergency|urgent|routine|pharmacist|self_care)$/);
    expect(r.findings).toEqual(expect.arrayContaining([
      { id: 'sore-throat', label: 'sore throat', present: true }, { id: 'fever', label: 'a high temperature', present: true },
      { id: 'cough', label: 'cough', present: false },
    ]));
    expect(r.conditions.length).toBeGreaterThan(0);
    const total = r.conditions.reduce((s, c) => s + c.probability, 0);
    expect(total).toBeLessThanOrEqual(1.001);
    expect(r.understood).toEqual({ age: 24, sex: 'male', durationDays: 3 });
    expect(Array.isArray(r.questions)).toBe(true);
  });

  it.each([
    ['crushing chest pain spreading to my left arm, sweating', 'cardiac-chest-pain'],
    ['my face has dropped on one side and my speech is slurred', 'face-drooping'],
    ['high temperature and a rash that does not fade under a glass', 'non-blanching-rash'],
    ['my lips and tongue are swelling and I am wheezing after eating peanuts', 'anaphylaxis'],
    ['I am gasping for breath and cannot speak in full sentences', 'severe-breathlessness'],
  ])('red flags first: "%s" is an emergency', async (text) => {
    const r = await assess(text, 58, 'male');
    expect(r.triage).toBe('emergency');
    expect(r.advice.label).toBe('Call 999 or go to A&E now');
    expect(r.redFlags[0]!.level).toBe('emergency');
    expect(r.because.length).toBeGreaterThan(0);
    expect(r.book).toBeNull();
  });

  it('thoughts of suicide are answered with crisis guidance: 999 and Samaritans 116 123', async () => {
    const r = await assess('I feel hopeless and I have been thinking about ending my life', 31, 'female');
    expect(r.triage).toBe('emergency');
    expect(r.advice.crisis).toContain('116 123');
    expect(r.advice.crisis).toContain('999');
  });

  it('bad input gets a problem naming the field; nothing about the person is logged', async () => {
    const res = await anonymous.post(API.triageAssess, { text: 'x', age: 200, sex: 'other' });
    expect(res.status).toBe(400);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['body.age', 'body.sex', 'body.text']);
    await assess('I have a very particular rash on my elbow called zebra-marker-4711');
    expect(ctx.logs.join('')).not.toContain('zebra-marker-4711');
    const { rows } = await ctx.dbs.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM triage_sessions`);
    expect(rows[0]!.n).toBe(0);
  });

  it('the anonymous chat takes answers and moves on to other questions', async () => {
    const first = (await anonymous.post(API.triageChat, { text: 'I have a cough', age: 35, sex: 'female' })).body as TriageResult;
    expect(first.questions.length).toBeGreaterThan(0);
    const asked = first.questions[0]!.findingId;
    const second = (await anonymous.post(API.triageChat, { text: 'I have a cough', age: 35, sex: 'female', answers: { [asked]: false } })).body as TriageResult;
    expect(second.findings).toContainEqual(expect.objectContaining({ id: asked, present: false }));
    expect(second.questions.map((q) => q.findingId)).not.toContain(asked);
  });
});

describe('a signed-in patient’s symptom checks', () => {
  it('are kept in their record, answered turn by turn, listed, and deletable; audited throughout', async () => {
    const started = await alice.client.post(API.myTriageSessions, { text: 'Burning when I pee and needing to go all the time since yesterday', age: 29, sex: 'female' });
    expect(started.status, started.text).toBe(201);
    const s = started.body as TriageSession;
    expect(s.result.findings.map((f) => f.id)).toContain('painful-urination');
    const q = s.result.questions[0];
    if (q) {
      const answered = await alice.client.post(API.myTriageSessionAnswers(s.id), { findingId: q.findingId, answer: true });
      expect(answered.status, answered.text).toBe(200);
      expect((answered.body as TriageSession).turns).toEqual([{ findingId: q.findingId, question: q.question, answer: true }]);
    }
    expect((await alice.client.post(API.myTriageSessionAnswers(s.id), { findingId: 'no-such-finding', answer: true })).body).toMatchObject({ status: 400, errors: [{ field: 'body.findingId' }] });
    const list = (await alice.client.get(API.myTriageSessions)).body as TriageSessionList;
    expect(list.items.map((i) => i.id)).toEqual([s.id]);
    expect(list.items[0]!.summary).toMatch(/^Symptom checker: /);
    // Another patient: 404 for every route, and an empty list.
    for (const res of [
      await bob.client.get(API.myTriageSession(s.id)), await bob.client.post(API.myTriageSessionAnswers(s.id), { findingId: 'fever', answer: true }),
      await bob.client.request('DELETE', API.myTriageSession(s.id)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('pee');
    }
    expect(((await bob.client.get(API.myTriageSessions)).body as TriageSessionList).items).toEqual([]);
    expect((await alice.client.request('DELETE', API.myTriageSession(s.id))).status).toBe(204);
    expect((await alice.client.get(API.myTriageSession(s.id))).status).toBe(404);
    const log = (await alice.client.get(API.myAccessLog)).body as AccessLog;
    const actions = log.items.filter((e) => e.resourceType === 'triage-session').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['created', 'presented', 'deleted']));
    expect(log.items.some((e) => e.resourceType === 'triage-session' && e.outcome === 'denied')).toBe(true);
  });
});
