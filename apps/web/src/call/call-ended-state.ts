import { z } from 'zod';

/** What the call page tells the notes page in the router's location state: the clinician has just ended the call. */
export interface NotesState {
  consultationEnded: true;
}

const NotesStateSchema = z.object({ consultationEnded: z.literal(true) });

export function readNotesState(state: unknown): NotesState | null {
  const parsed = NotesStateSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}
