export * from './knowledge/schema';
export { loadKnowledgeBase, knowledgeProblems, type KnowledgeBase, type ConditionEntry } from './knowledge/knowledge-base';
export { Lexicon, understand, type Understanding } from './understanding/understand';
export { assess, nextQuestions, type Assessment, type Evidence } from './reasoning/assess';
export { SymptomChecker, LEVEL_ADVICE, CRISIS_ADVICE, type CheckInput, type CheckResult } from './symptom-checker';
export { evaluate, loadVignettes, type Evaluation } from './evaluation/evaluate';
