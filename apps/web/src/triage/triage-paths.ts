/** The public symptom checker: no account needed, and nothing is kept. */
export const SYMPTOM_CHECKER_PATH = '/symptoms';
