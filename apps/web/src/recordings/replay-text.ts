import { formatDateTime } from '../format/date-format';

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A length of time as it is said aloud, in whole seconds (rounded): "1 minute 2 seconds", "4 minutes",
 * "1 hour 5 seconds", "0 seconds". For screen readers and sentences, where "4 min 30 s" would be read oddly.
 */
export function spokenDuration(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) ? Math.max(0, Math.round(totalSeconds)) : 0;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(count(hours, 'hour'));
  if (minutes > 0) parts.push(count(minutes, 'minute'));
  if (rest > 0 || parts.length === 0) parts.push(count(rest, 'second'));
  return parts.join(' ');
}

/** A position on a player's clock, whole seconds (rounded down): "0:00", "1:02", "12:05", "1:02:03". */
export function clockTime(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The position slider's `aria-valuetext`: "1 minute 2 seconds of 4 minutes 10 seconds". */
export function positionValueText(positionSeconds: number, totalSeconds: number): string {
  return `${spokenDuration(positionSeconds)} of ${spokenDuration(totalSeconds)}`;
}

/** The length of the time line: whole seconds, the slider's maximum. */
export function timelineSeconds(durationSeconds: number): number {
  return Number.isFinite(durationSeconds) ? Math.max(0, Math.round(durationSeconds)) : 0;
}

/**
 * What follows the visible "Play" in each recording's Play link, so its name says which recording:
 * "Play" + " recording of 23 Nov 2026, 14:05 with Dr Asha Patel".
 */
export function playLinkRest(startedAt: string, clinicianName: string, formatWhen: (iso: string) => string = formatDateTime): string {
  return ` recording of ${formatWhen(startedAt)} with ${clinicianName}`;
}
