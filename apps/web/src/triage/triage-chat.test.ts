import { describe, expect, it } from 'vitest';
import type { TriageResult, TriageSession } from '@confide/contract';
import { answersOf, chatReducer, chatRequest, finishReason, INITIAL_CHAT, MAX_QUESTIONS, nextQuestion, type ChatTurn } from './triage-chat';

const question = (findingId: string) => ({ findingId, question: `Do you have ${findingId}?` });

function result(overrides: Partial<TriageResult> = {}): TriageResult {
  return {
    triage: 'routine',
    advice: { label: 'See a GP', text: 'Book an appointment with a GP in the next few days.', crisis: null },
    redFlags: [],
    conditions: [],
    findings: [],
    because: [],
    questions: [question('fever'), question('cough')],
    book: { profession: 'gp', urgency: 'soon' },
    safetyNet: 'If you get worse, call 111.',
    understood: { age: 30, sex: 'female', durationDays: null },
    ...overrides,
  };
}

const start = { text: 'sore throat', age: 30, sex: 'female' as const };
const turn = (findingId: string, answer: boolean | null): ChatTurn => ({ findingId, question: `Do you have ${findingId}?`, answer });

describe('the chat’s answers so far', () => {
  it('sends yes and no as answers and “Not sure” apart, with the description, age and sex', () => {
    const turns = [turn('fever', true), turn('cough', false), turn('rash', null)];
    expect(chatRequest(start, turns)).toEqual({
      text: 'sore throat',
      age: 30,
      sex: 'female',
      answers: { fever: true, cough: false },
      notSure: ['rash'],
    });
  });

  it('lets a later answer to the same question replace an earlier one', () => {
    expect(chatRequest(start, [turn('fever', null), turn('fever', true)])).toMatchObject({ answers: { fever: true }, notSure: [] });
    expect(answersOf([])).toEqual({ answers: {}, notSure: [] });
  });
});

describe('the chat reducer', () => {
  it('starts waiting, then shows the first result', () => {
    const started = chatReducer(INITIAL_CHAT, { type: 'start', start });
    expect(started).toMatchObject({ start, waiting: true, result: null, turns: [] });
    const first = chatReducer(started, { type: 'result', result: result() });
    expect(first).toMatchObject({ waiting: false, turns: [], version: 1 });
    expect(nextQuestion(first.result, first.turns)).toEqual(question('fever'));
  });

  it('shows an answer at once and adds it as a turn when the next result comes', () => {
    let state = chatReducer(chatReducer(INITIAL_CHAT, { type: 'start', start }), { type: 'result', result: result() });
    state = chatReducer(state, { type: 'answer', turn: turn('fever', true) });
    expect(state).toMatchObject({ pending: turn('fever', true), waiting: true, turns: [] });
    // A second answer while one is being sent is ignored.
    expect(chatReducer(state, { type: 'answer', turn: turn('cough', true) })).toBe(state);
    state = chatReducer(state, { type: 'result', result: result({ questions: [question('cough')] }) });
    expect(state).toMatchObject({ pending: null, waiting: false, turns: [turn('fever', true)], version: 2 });
    state = chatReducer(state, { type: 'answer', turn: turn('cough', null) });
    state = chatReducer(state, { type: 'result', result: result({ questions: [] }) });
    expect(state.turns).toEqual([turn('fever', true), turn('cough', null)]);
    expect(chatRequest(start, state.turns)).toMatchObject({ answers: { fever: true }, notSure: ['cough'] });
  });

  it('drops an answer that could not be sent, so the question can be answered again', () => {
    let state = chatReducer(chatReducer(INITIAL_CHAT, { type: 'start', start }), { type: 'result', result: result() });
    state = chatReducer(state, { type: 'answer', turn: turn('fever', false) });
    state = chatReducer(state, { type: 'failed' });
    expect(state).toMatchObject({ pending: null, waiting: false, turns: [], version: 1 });
    expect(nextQuestion(state.result, state.turns)).toEqual(question('fever'));
  });

  it('takes the turns from a kept check as the server has them', () => {
    const session = { id: 'x', text: 'cough', age: 40, sex: 'male', turns: [turn('fever', null)], result: result() } as TriageSession;
    const state = chatReducer(INITIAL_CHAT, { type: 'session', session });
    expect(state).toMatchObject({ start: { text: 'cough', age: 40, sex: 'male' }, turns: [turn('fever', null)], waiting: false, version: 1 });
    expect(nextQuestion(state.result, state.turns)).toEqual(question('cough'));
    const answered = chatReducer(chatReducer(state, { type: 'answer', turn: turn('cough', true) }), {
      type: 'result',
      result: result(),
      turns: [turn('fever', null), turn('cough', true)],
    });
    expect(answered.turns).toEqual([turn('fever', null), turn('cough', true)]);
  });

  it('starts again from nothing', () => {
    const state = chatReducer(chatReducer(INITIAL_CHAT, { type: 'start', start }), { type: 'reset' });
    expect(state).toMatchObject({ start: null, turns: [], result: null, waiting: false });
  });
});

describe('when to stop asking', () => {
  it('asks the best question not yet asked', () => {
    expect(nextQuestion(result(), [turn('fever', true)])).toEqual(question('cough'));
    expect(finishReason(result(), [])).toBeNull();
    expect(nextQuestion(null, [])).toBeNull();
  });

  it('stops when the checker has no more questions', () => {
    expect(finishReason(result({ questions: [] }), [])).toBe('enough');
    expect(nextQuestion(result({ questions: [question('fever')] }), [turn('fever', true)])).toBeNull();
  });

  it('stops at once for an emergency, even with questions left', () => {
    expect(finishReason(result({ triage: 'emergency', book: null }), [])).toBe('emergency');
    expect(nextQuestion(result({ triage: 'emergency', book: null }), [])).toBeNull();
  });

  it(`stops after ${MAX_QUESTIONS} questions, “Not sure” included`, () => {
    const turns = Array.from({ length: MAX_QUESTIONS }, (_, i) => turn(`finding-${i}`, i % 2 === 0 ? null : true));
    expect(finishReason(result(), turns)).toBe('limit');
    expect(nextQuestion(result(), turns)).toBeNull();
    expect(finishReason(result(), turns.slice(1))).toBeNull();
  });
});
