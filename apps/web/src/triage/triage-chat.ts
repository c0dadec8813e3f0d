import type { TriageChatRequest, TriageResult, TriageSession } from '@confide/contract';

/** The most follow-up questions one check asks; after that, the advice stands on what it has. */
export const MAX_QUESTIONS = 8;

export type Sex = 'female' | 'male';

/** What the patient gave to start: the description in their own words, age in years and sex at birth. */
export interface TriageStart {
  text: string;
  age: number;
  sex: Sex;
}

/** One follow-up question and the answer given (null: "Not sure"). */
export interface ChatTurn {
  findingId: string;
  question: string;
  answer: boolean | null;
}

export type TriageQuestion = TriageResult['questions'][number];

export interface ChatState {
  start: TriageStart | null;
  /** The questions answered so far, in order, each with its answer. */
  turns: ChatTurn[];
  /** The answer being sent, shown in the conversation at once; it becomes a turn when the next result comes. */
  pending: ChatTurn | null;
  result: TriageResult | null;
  /** A request is under way ("Thinking…"). */
  waiting: boolean;
  /** Goes up with every result, so the page can move focus to what comes next. */
  version: number;
}

export type ChatAction =
  | { type: 'start'; start: TriageStart }
  | { type: 'answer'; turn: ChatTurn }
  /** A new result; `turns` when the server keeps them (a signed-in patient's check), else the pending answer is added. */
  | { type: 'result'; result: TriageResult; turns?: ChatTurn[] }
  /** A kept check, opened or started: everything from the server. */
  | { type: 'session'; session: TriageSession }
  | { type: 'failed' }
  | { type: 'reset' };

export const INITIAL_CHAT: ChatState = { start: null, turns: [], pending: null, result: null, waiting: false, version: 0 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_CHAT, start: action.start, waiting: true, version: state.version };
    case 'answer':
      // One answer at a time, and only to a question still to be answered.
      if (state.waiting || !state.result) return state;
      return { ...state, pending: action.turn, waiting: true };
    case 'result': {
      const turns = action.turns ?? (state.pending ? [...withoutFinding(state.turns, state.pending.findingId), state.pending] : state.turns);
      return { ...state, turns, pending: null, result: action.result, waiting: false, version: state.version + 1 };
    }
    case 'session': {
      const { text, age, sex, turns, result } = action.session;
      return { start: { text, age, sex }, turns, pending: null, result, waiting: false, version: state.version + 1 };
    }
    case 'failed':
      // The answer was not taken: it goes from the conversation, and the question can be answered again.
      return { ...state, pending: null, waiting: false };
    case 'reset':
      return { ...INITIAL_CHAT, version: state.version };
  }
}

function withoutFinding(turns: ChatTurn[], findingId: string): ChatTurn[] {
  return turns.filter((t) => t.findingId !== findingId);
}

/** The answers so far as the chat API takes them: yes or no by finding, and the "Not sure" ones apart. */
export function answersOf(turns: readonly ChatTurn[]): Pick<TriageChatRequest, 'answers' | 'notSure'> {
  const answers: Record<string, boolean> = {};
  const notSure: string[] = [];
  for (const turn of turns) {
    if (turn.answer === null) notSure.push(turn.findingId);
    else answers[turn.findingId] = turn.answer;
  }
  return { answers, notSure };
}

/** One turn of the anonymous chat: the description and every answer so far (a later answer replaces an earlier one). */
export function chatRequest(start: TriageStart, turns: readonly ChatTurn[]): TriageChatRequest {
  const latest = new Map(turns.map((t) => [t.findingId, t]));
  return { text: start.text, age: start.age, sex: start.sex, ...answersOf([...latest.values()]) };
}

/** Why the checker has stopped asking, or null while it still has a question. */
export type FinishReason = 'emergency' | 'enough' | 'limit';

export function finishReason(result: TriageResult, turns: readonly ChatTurn[]): FinishReason | null {
  if (result.triage === 'emergency') return 'emergency';
  if (turns.length >= MAX_QUESTIONS) return 'limit';
  return nextUnasked(result, turns) ? null : 'enough';
}

/** The question to ask now: the checker's best one not asked already, unless it has stopped asking. */
export function nextQuestion(result: TriageResult | null, turns: readonly ChatTurn[]): TriageQuestion | null {
  if (!result || finishReason(result, turns) !== null) return null;
  return nextUnasked(result, turns);
}

function nextUnasked(result: TriageResult, turns: readonly ChatTurn[]): TriageQuestion | null {
  const asked = new Set(turns.map((t) => t.findingId));
  return result.questions.find((q) => !asked.has(q.findingId)) ?? null;
}

/** The checker's last words in the conversation once it stops asking. */
export const FINISH_MESSAGES: Record<FinishReason, string> = {
  emergency: 'From what you have told me, you need help now. Read the advice below.',
  enough: 'Thank you. I have enough to go on. Read the advice below.',
  limit: 'Thank you for answering. Read the advice below.',
};
