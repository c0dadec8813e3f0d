import type { Consultation, Participant } from '@confide/contract';
import { QUALITY_LABELS } from './call-quality';
import type { CallSnapshot, MediaState } from './call-session';

/** The page heading: the patient's "Your consultation", the clinician's "Consultation with Jane Smith". */
export function callTitle(consultation: Consultation): string {
  return consultation.you === 'patient' ? 'Your consultation' : `Consultation with ${consultation.patient.name}`;
}

/** The other participant's name, as they are shown and spoken of during the call. */
export function otherName(consultation: Consultation): string {
  return consultation.you === 'patient' ? consultation.clinician.name : consultation.patient.name;
}

/** Said before joining: each participant is told the call is recorded, and who can replay it. */
export const RECORDING_NOTICE: Record<Participant, string> = {
  patient:
    'This consultation is recorded. The recording is encrypted and kept in your record; you can replay it in Consultation Replays. Your clinician can see it too.',
  clinician: 'This consultation is recorded, and the patient can replay it.',
};

/** Said before joining instead, while an administrator has switched recording off (the server then records nothing). */
export const RECORDING_OFF_NOTICE = 'Recording is temporarily switched off: this consultation will not be recorded.';

/** The reminder at the top of the call. */
export function inCallRecordingText(recordingOn: boolean): string {
  return recordingOn ? 'This consultation is recorded.' : 'Recording is temporarily switched off: this consultation is not being recorded.';
}

/** Shown instead of the message form while an administrator has switched chat off. */
export const CHAT_OFF_TEXT = 'In-call chat is temporarily unavailable.';

/** The call quality indicator: "Connecting…", "Reconnecting…" or "Connection: Good" (Fair, Poor). */
export function connectionText(call: CallSnapshot): string {
  if (call.signallingLost || call.peer === 'reconnecting') return 'Reconnecting…';
  if (call.peer === 'connected' && call.quality) return QUALITY_LABELS[call.quality];
  return 'Connecting…';
}

/** Whether the other participant is here: "Waiting for Dr Asha Patel to join…", or that the call is on. */
export function presenceText(call: CallSnapshot, other: string): string {
  if (call.phase === 'joining') return 'Joining the call…';
  if (call.signallingLost) return 'The connection was lost. Trying to reconnect…';
  if (call.peer === 'waiting') return `Waiting for ${other} to join…`;
  if (call.peer === 'connected') return `You are in the call with ${other}.`;
  return `${other} is here. Connecting you…`;
}

/** What the other participant's microphone and camera are doing, when either is off: "Dr X's camera is off." */
export function remoteMediaText(other: string, media: MediaState | null): string {
  if (!media) return '';
  const parts: string[] = [];
  if (!media.video) parts.push(`${other}'s camera is off.`);
  if (!media.audio) parts.push(`${other}'s microphone is muted.`);
  return parts.join(' ');
}
