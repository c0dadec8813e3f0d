import { TriageSession } from '@confide/contract';
import { z } from 'zod';

/**
 * What the symptom-check pages pass each other in location state: a check just started (so it shows at once,
 * with focus on its first question), or that one was deleted.
 */
export interface StartedCheckState {
  started: TriageSession;
}

export interface DeletedCheckState {
  deleted: true;
}

const StartedSchema = z.object({ started: TriageSession });
const DeletedSchema = z.object({ deleted: z.literal(true) });

/** The check just started, if it is the one at this address. */
export function readStartedCheck(state: unknown, sessionId: string): TriageSession | null {
  const parsed = StartedSchema.safeParse(state);
  return parsed.success && parsed.data.started.id === sessionId ? parsed.data.started : null;
}

export function readDeletedCheck(state: unknown): boolean {
  return DeletedSchema.safeParse(state).success;
}
