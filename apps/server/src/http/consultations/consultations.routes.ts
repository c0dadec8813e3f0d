import {
  ClientSignal, Consultation, ConsultationNotes, SavedConsultationNotes, SIGNAL_CLOSE, type ClientSignal as ClientSignalT,
} from '@confide/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { CallConnection, CallRooms } from '../../calls/call-rooms';
import { iceServersFor } from '../../calls/ice-servers';
import { ProblemError } from '../../errors/problem-error';
import * as consultations from '../../services/consultations.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['consultations'];
const Params = z.object({ consultationId: z.uuid('Use a consultation id from your appointment.') });
const PARTICIPANT = { kind: 'signed-in', roles: ['patient', 'clinician'], patientData: true } as const;
const CLINICIAN = { kind: 'signed-in', roles: ['clinician'], patientData: true } as const;

/** The consultation each authorised upgrade request joined, handed from the pre-upgrade check to the socket. */
const joinedBy = new WeakMap<FastifyRequest, consultations.JoinedConsultation>();

/** A WebSocket upgrade is a GET, so the CSRF check does not cover it: refuse any other site's page (CSWSH). */
function requireSameOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  let host: string | null = null;
  try {
    host = origin ? new URL(origin).host : null;
  } catch {
    host = null;
  }
  if (host !== req.headers.host) throw new ProblemError(403, 'Forbidden', { code: 'cross_origin', detail: 'Cross-site connections are not allowed.' });
}

export function consultationsRoutes(app: FastifyInstance, deps: ServiceDeps, rooms: CallRooms): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/consultations/:consultationId', {
    schema: { tags: TAGS, summary: 'A consultation you are the patient or clinician of: its chat and shared summary', params: Params, response: { 200: Consultation } },
    config: { access: PARTICIPANT },
  }, async (req) => consultations.getConsultation(deps, req.ctx, requirePrincipal(req), req.params.consultationId));

  r.get('/api/v1/consultations/:consultationId/notes', {
    schema: { tags: TAGS, summary: "The clinician's notes (SOAP), outcome and the summary shared with the patient", params: Params, response: { 200: SavedConsultationNotes } },
    config: { access: CLINICIAN },
  }, async (req) => consultations.getNotes(deps, req.ctx, requirePrincipal(req), req.params.consultationId));

  r.put('/api/v1/consultations/:consultationId/notes', {
    schema: { tags: TAGS, summary: 'Save the notes; a non-empty patient summary is shared with the patient', params: Params, body: ConsultationNotes, response: { 200: SavedConsultationNotes } },
    config: { access: CLINICIAN },
  }, async (req) => consultations.saveNotes(deps, req.ctx, requirePrincipal(req), req.params.consultationId, req.body));

  r.get('/api/v1/consultations/:consultationId/signal', {
    websocket: true,
    schema: { tags: TAGS, summary: 'The call: signalling and chat over a WebSocket (only the consultation’s patient and clinician)', params: Params },
    config: { access: PARTICIPANT },
    // Before the upgrade: who is calling, from where, and may they join? Refusals are audited and answer 404.
    preValidation: async (req) => {
      requireSameOrigin(req);
      const principal = requirePrincipal(req);
      const { consultationId } = req.params as z.infer<typeof Params>;
      joinedBy.set(req, await consultations.joinConsultation(deps, req.ctx, principal, consultationId));
    },
  }, (socket, req) => handleCall(deps, rooms, socket, req));
}

function handleCall(deps: ServiceDeps, rooms: CallRooms, socket: WebSocket, req: FastifyRequest): void {
  const joined = joinedBy.get(req);
  const principal = req.principal;
  if (!joined || !principal) {
    socket.close(SIGNAL_CLOSE.unauthenticated, 'not authorised');
    return;
  }
  const owner = { consultationId: joined.record.consultationId, patientId: joined.record.patientId, clinicianId: joined.record.clinicianId };
  const you = joined.you;
  let accepted = false;
  let closed = false;
  // Everything sent on the socket passes the tripwire first, in order; a mismatch closes the socket instead.
  let outgoing: Promise<void> = Promise.resolve();
  const conn: CallConnection = {
    participant: you,
    recorder: null,
    send: (message) => {
      outgoing = outgoing.then(async () => {
        const text = JSON.stringify(message);
        if (!deps.faults.tripwireOff) {
          const exposures = await deps.tripwire.exposures(principal, text);
          if (exposures.length > 0) {
            await deps.tripwire.block({ principal, meta: req.ctx.meta, route: 'WS /api/v1/consultations/:consultationId/signal' }, exposures);
            socket.close(SIGNAL_CLOSE.blocked, 'blocked');
            return;
          }
        }
        if (socket.readyState === socket.OPEN) socket.send(text);
      }).catch((err: unknown) => req.log.error({ err: String(err) }, 'call message not sent'));
    },
    close: (code, reason) => {
      outgoing = outgoing.then(() => socket.close(code, reason));
    },
  };

  async function handle(message: ClientSignalT): Promise<void> {
    if (message.type === 'join') {
      if (accepted) return;
      accepted = true;
      rooms.enter(owner, conn)?.close(SIGNAL_CLOSE.replaced, 'joined from elsewhere');
      const other = rooms.other(owner, you);
      if (deps.recorder && deps.config.recording.enabled && deps.features.isOn('recording')) {
        conn.recorder = deps.recorder.open({
          owner, participant: you, principal: principal!, ctx: req.ctx,
          onCandidate: (candidate) => conn.send({ type: 'candidate', channel: 'recorder', candidate }),
        });
      }
      conn.send({
        type: 'welcome', you, polite: you === 'patient', mode: joined!.record.mode, iceServers: iceServersFor(deps.config, principal!.userId),
        peerPresent: other !== null, chat: joined!.chat,
      });
      other?.send({ type: 'peer', present: true });
      return;
    }
    if (!accepted) {
      conn.send({ type: 'error', code: 'join_first', detail: 'Confirm you have seen the recording notice before the call starts.' });
      return;
    }
    switch (message.type) {
      case 'description':
        if (message.channel === 'peer') rooms.other(owner, you)?.send(message);
        else if (conn.recorder && message.description.type === 'offer') {
          conn.send({ type: 'description', channel: 'recorder', description: await conn.recorder.answer(message.description) });
        }
        return;
      case 'candidate':
        if (message.channel === 'peer') rooms.other(owner, you)?.send(message);
        else await conn.recorder?.addCandidate(message.candidate);
        return;
      case 'media':
        rooms.other(owner, you)?.send({ type: 'media', from: you, audio: message.audio, video: message.video });
        return;
      case 'chat': {
        if (!deps.features.isOn('chat')) {
          conn.send({ type: 'error', code: 'feature_off', detail: 'In-call chat is temporarily unavailable. Please try again later.' });
          return;
        }
        const saved = await consultations.sendChat(deps, req.ctx, principal!, owner, message.text);
        for (const c of rooms.everyone(owner)) c.send({ type: 'chat', message: saved });
        return;
      }
      case 'end':
        if (you !== 'clinician') {
          conn.send({ type: 'error', code: 'not_allowed', detail: 'Only the clinician can end the consultation. You can leave the call at any time.' });
          return;
        }
        await consultations.endConsultation(deps, req.ctx, principal!, owner.consultationId);
        for (const c of rooms.everyone(owner)) {
          c.send({ type: 'ended' });
          c.close(SIGNAL_CLOSE.ended, 'consultation ended');
        }
        return;
    }
  }

  // One message at a time, in order: a renegotiation's answer must not overtake the offer's candidates.
  let queue: Promise<void> = Promise.resolve();
  socket.on('message', (raw) => {
    queue = queue.then(async () => {
      if (closed) return;
      let parsed: ReturnType<typeof ClientSignal.safeParse>;
      try {
        parsed = ClientSignal.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = ClientSignal.safeParse(undefined);
      }
      if (!parsed.success) {
        conn.send({ type: 'error', code: 'bad_message', detail: parsed.error.issues[0]?.message ?? 'That message could not be read.' });
        return;
      }
      try {
        await handle(parsed.data);
      } catch (err) {
        req.log.warn({ err: err instanceof ProblemError ? err.title : String(err) }, 'call message failed');
        conn.send({ type: 'error', code: err instanceof ProblemError ? (err.options.code ?? 'failed') : 'failed', detail: err instanceof ProblemError ? (err.options.detail ?? err.title) : 'Something went wrong. Try again.' });
      }
    });
  });

  socket.on('close', () => {
    closed = true;
    queue = queue.then(async () => {
      if (rooms.leave(owner, conn)) rooms.other(owner, you)?.send({ type: 'peer', present: false });
      await conn.recorder?.close().catch((err: unknown) => req.log.error({ err: String(err) }, 'recorder close failed'));
    });
  });
}

