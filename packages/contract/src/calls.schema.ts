import { z } from 'zod';
import { Uuid } from './common.schema';

/**
 * Consultations and the call's signalling protocol (JSON over the consultation's WebSocket). Each browser holds two
 * peer connections: `peer`, to the other participant (perfect negotiation: the patient is the polite side), and
 * `recorder`, a send-only connection to the server, which records that participant's own media.
 */
export const PARTICIPANTS = ['patient', 'clinician'] as const;
export const Participant = z.enum(PARTICIPANTS);
export type Participant = z.infer<typeof Participant>;
export const SignalChannel = z.enum(['peer', 'recorder']);
export type SignalChannel = z.infer<typeof SignalChannel>;

export const SessionDescription = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(200_000).optional(),
});
export type SessionDescription = z.infer<typeof SessionDescription>;
export const IceCandidate = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
export type IceCandidate = z.infer<typeof IceCandidate>;

export const IceServer = z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() });
export type IceServer = z.infer<typeof IceServer>;

export const ChatMessage = z.object({ id: Uuid, from: Participant, senderName: z.string(), text: z.string(), sentAt: z.string() });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatText = z.string().trim().min(1, 'Type a message.').max(2000, 'Keep messages under 2,000 characters.');

export const ClientSignal = z.discriminatedUnion('type', [
  /** Sent first: the participant has seen that the consultation is recorded. */
  z.object({ type: z.literal('join'), recordingNoticeSeen: z.literal(true) }),
  z.object({ type: z.literal('description'), channel: SignalChannel, description: SessionDescription }),
  z.object({ type: z.literal('candidate'), channel: SignalChannel, candidate: IceCandidate.nullable() }),
  z.object({ type: z.literal('chat'), text: ChatText }),
  /** The sender's microphone and camera state, for the other side's display. */
  z.object({ type: z.literal('media'), audio: z.boolean(), video: z.boolean() }),
  /** The clinician ends the consultation for both. */
  z.object({ type: z.literal('end') }),
]);
export type ClientSignal = z.infer<typeof ClientSignal>;

export const ServerSignal = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    you: Participant,
    /** Perfect negotiation: the polite side rolls back its own offer when offers collide. */
    polite: z.boolean(),
    mode: z.enum(['audio', 'video']),
    iceServers: z.array(IceServer),
    peerPresent: z.boolean(),
    chat: z.array(ChatMessage),
  }),
  z.object({ type: z.literal('peer'), present: z.boolean() }),
  z.object({ type: z.literal('description'), channel: SignalChannel, description: SessionDescription }),
  z.object({ type: z.literal('candidate'), channel: SignalChannel, candidate: IceCandidate.nullable() }),
  z.object({ type: z.literal('chat'), message: ChatMessage }),
  z.object({ type: z.literal('media'), from: Participant, audio: z.boolean(), video: z.boolean() }),
  z.object({ type: z.literal('ended') }),
  z.object({ type: z.literal('error'), code: z.string(), detail: z.string() }),
]);
export type ServerSignal = z.infer<typeof ServerSignal>;

/** WebSocket close codes the server uses (4000–4999 are the application's). */
export const SIGNAL_CLOSE = {
  /** Not found, or not yours (the same answer). */
  notFound: 4404,
  unauthenticated: 4401,
  /** The same participant joined again from elsewhere. */
  replaced: 4409,
  ended: 4410,
  badMessage: 4400,
  /** The tripwire stopped a message that would have exposed another patient's data. */
  blocked: 4500,
} as const;

export const Consultation = z.object({
  id: Uuid,
  appointmentId: Uuid,
  mode: z.enum(['audio', 'video']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  you: Participant,
  patient: z.object({ name: z.string() }),
  clinician: z.object({ name: z.string() }),
  chat: z.array(ChatMessage),
  /** What the clinician shared with the patient after the call. */
  summary: z.string().nullable(),
});
export type Consultation = z.infer<typeof Consultation>;

export const CONSULTATION_OUTCOMES = ['advice', 'prescription', 'referral', 'follow-up'] as const;
export const ConsultationNotes = z.object({
  subjective: z.string().max(10_000, 'Keep each section under 10,000 characters.'),
  objective: z.string().max(10_000, 'Keep each section under 10,000 characters.'),
  assessment: z.string().max(10_000, 'Keep each section under 10,000 characters.'),
  plan: z.string().max(10_000, 'Keep each section under 10,000 characters.'),
  outcomes: z.array(z.enum(CONSULTATION_OUTCOMES)).max(4).refine((a) => new Set(a).size === a.length, 'Choose each outcome once.'),
  /** Shared with the patient; empty shares nothing. */
  patientSummary: z.string().max(5_000, 'Keep the summary under 5,000 characters.'),
});
export type ConsultationNotes = z.infer<typeof ConsultationNotes>;
export const SavedConsultationNotes = ConsultationNotes.extend({ updatedAt: z.string().nullable() });
export type SavedConsultationNotes = z.infer<typeof SavedConsultationNotes>;
