import type { AccessLogEntry } from '@confide/contract';
import { formatLongDateTime } from '../format/date-format';
import { spokenDuration } from '../recordings/replay-text';
import { ACCESS_ACTION_LABELS } from './access-action-labels';

type Entry = Pick<AccessLogEntry, 'action' | 'resourceType' | 'description' | 'recording'>;

/**
 * What someone did, in a few words. For a recording, listing it and playing it read differently, so the patient
 * can tell someone who saw it in a list from someone who played it.
 */
export function accessActionLabel(entry: Pick<Entry, 'action' | 'resourceType'>): string {
  if (entry.resourceType === 'recording') {
    if (entry.action === 'viewed') return 'Played your consultation recording';
    if (entry.action === 'presented') return 'Saw your recording in a list';
  }
  return ACCESS_ACTION_LABELS[entry.action];
}

/**
 * How much of a recording was played, roughly (the server counts what it sent): "about 1 minute 5 seconds of
 * 4 minutes 10 seconds"; null if the entry is not a playback.
 */
export function amountPlayed(secondsPlayed: number | null, ofSeconds: number | null): string | null {
  if (secondsPlayed === null) return null;
  const played = ofSeconds === null ? secondsPlayed : Math.min(secondsPlayed, ofSeconds);
  const of = ofSeconds === null ? '' : ` of ${spokenDuration(ofSeconds)}`;
  return played < 0.5 ? `less than a second${of}` : `about ${spokenDuration(played)}${of}`;
}

/**
 * The server's description, saying which consultation or recording when the entry is about one: "played your
 * consultation recording of 23 November 2026, 10:15 with Dr Asha Patel — about 1 minute 5 seconds of 4 minutes
 * 10 seconds". Times are in the reader's own time zone unless one is given.
 */
export function accessDescription(entry: Entry, timeZone?: string): string {
  const { description, recording } = entry;
  if (!recording) return description;
  const preposition = entry.resourceType === 'consultation' ? 'on' : 'of';
  const which = `${description} ${preposition} ${formatLongDateTime(recording.startedAt, timeZone)} with ${recording.clinicianName}`;
  const played = amountPlayed(recording.secondsPlayed, recording.ofSeconds);
  return played ? `${which} — ${played}` : which;
}
