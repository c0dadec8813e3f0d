import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { API, type Participant, type ReplayPlayback } from '@confide/contract';
import { consultationResource, type Principal } from '@confide/domain';
import parseRange from 'range-parser';
import { recordAudit } from '../audit/audit-log';
import { consultationRepository, type ConsultationOwner, type ConsultationRecord } from '../db/repositories/consultation.repository';
import { replayPlaybackRepository as playback, type ReplayTrackRow, type TrackSource } from '../db/repositories/replay-playback.repository';
import { withPrincipal } from '../db/with-principal';
import { notFound, ProblemError } from '../errors/problem-error';
import { composeTrack } from '../recordings/replay-composer';
import { openSealed, sealAndStore } from '../recordings/sealed-blob';
import { loadSegment } from '../recordings/segment-sink';
import { loadFor } from './consultations.service';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** Plaintext read and sent per step of a media stream (eight 64 KiB cipher chunks, read from storage at once). */
const STREAM_STEP = 512 * 1024;

const hashLink = (link: string) => createHash('sha256').update(link).digest();
const newLink = () => randomBytes(32).toString('base64url');

const notReady = () =>
  new ProblemError(409, 'This recording is not ready yet', {
    code: 'replay_not_ready',
    detail: 'A recording can be played once the consultation has ended.',
  });

const ownerOf = (c: ConsultationOwner): ConsultationOwner => ({ consultationId: c.consultationId, patientId: c.patientId, clinicianId: c.clinicianId });
const isCurrent = (track: ReplayTrackRow | undefined, source: TrackSource) =>
  track !== undefined && track.sourceSegments === source.segments && track.sourceLastSeq === source.lastSeq;

/**
 * Composes (once, after the consultation) each participant's track that is missing or out of date: segments
 * decrypted in memory, joined into one seekable WebM, sealed under a fresh key. Returns what to commit.
 */
async function composeMissing(deps: ServiceDeps, ctx: RequestContext, principal: Principal, c: ConsultationRecord, sources: TrackSource[], tracks: ReplayTrackRow[]): Promise<ReplayTrackRow[]> {
  const stale = sources.filter((s) => !isCurrent(tracks.find((t) => t.participant === s.participant), s));
  if (stale.length === 0) return [];
  const segments = await asPrincipal(deps, ctx, principal, (tx) => consultationRepository.segments(tx, c.consultationId));
  const owner = ownerOf(c);
  const composed: ReplayTrackRow[] = [];
  for (const source of stale) {
    const mine = segments.filter((s) => s.participant === source.participant && s.wrappedKey);
    const plain = [];
    for (const s of mine) plain.push({ startedAt: s.startedAt, bytes: await loadSegment(deps.recordings, owner, s) });
    const track = await composeTrack(plain, new Date(c.startedAt));
    if (!track) continue;
    const id = randomUUID();
    const sealed = await sealAndStore(deps.recordings, owner, id, `replay-${id}`, track.bytes);
    composed.push({
      id, participant: source.participant, sourceSegments: mine.length, sourceLastSeq: Math.max(...mine.map((s) => s.seq)),
      hasVideo: track.hasVideo, durationMs: track.durationMs, plaintextBytes: track.bytes.length, ...sealed,
    });
  }
  return composed;
}

function playbackOf(c: ConsultationRecord, viewingId: string, link: string, linkExpiresAt: Date, breakGlass: boolean, tracks: ReplayTrackRow[]): ReplayPlayback {
  const ordered = [...tracks].sort((a, b) => (a.participant === b.participant ? 0 : a.participant === 'clinician' ? -1 : 1));
  return {
    viewingId,
    consultationId: c.consultationId,
    startedAt: c.startedAt,
    durationSeconds: Math.max(0, ...tracks.map((t) => t.durationMs)) / 1000,
    linkExpiresAt: linkExpiresAt.toISOString(),
    breakGlass,
    tracks: ordered.map((t) => ({
      participant: t.participant,
      name: t.participant === 'patient' ? c.patientName : c.clinicianName,
      hasVideo: t.hasVideo,
      durationSeconds: t.durationMs / 1000,
      src: API.replayMedia(link, t.participant),
    })),
  };
}

/**
 * Starts playing a recording: the caller must be allowed to view it (its patient, its clinician, or break-glass),
 * each participant's track is composed if it is not yet, a viewing is started with a media link bound to this
 * session for 5 minutes, and the access is audited as `viewed`. With `viewingId`, the same viewing gets a fresh link.
 */
export async function startReplay(deps: ServiceDeps, ctx: RequestContext, principal: Principal, consultationId: string, viewingId?: string): Promise<ReplayPlayback> {
  deps.features.require('replays');
  const link = newLink();
  if (viewingId) {
    return asPrincipal(deps, ctx, principal, async (tx, guard) => {
      const c = await loadFor(tx, guard, consultationId, 'recording.view');
      const renewed = await playback.renewLink(tx, viewingId, consultationId, hashLink(link));
      const tracks = await playback.tracks(tx, consultationId);
      if (!renewed || tracks.length === 0) throw notFound();
      return playbackOf(c, viewingId, link, renewed.linkExpiresAt, renewed.breakGlass, tracks);
    });
  }

  const found = await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const c = await loadFor(tx, guard, consultationId, 'recording.view');
    return { c, sources: await playback.sources(tx, consultationId), tracks: await playback.tracks(tx, consultationId) };
  });
  const { c } = found;
  if (found.sources.length === 0) throw notFound();
  if (!c.endedAt) throw notReady();
  const composed = await composeMissing(deps, ctx, principal, c, found.sources, found.tracks);
  const retired: string[] = [];
  try {
    return await asPrincipal(deps, ctx, principal, async (tx, guard) => {
      await guard.authorize('recording.view', consultationResource(c), consultationId);
      await playback.lock(tx, consultationId);
      const sources = await playback.sources(tx, consultationId);
      let tracks = await playback.tracks(tx, consultationId);
      for (const track of composed) {
        const source = sources.find((s) => s.participant === track.participant);
        // Shredded or extended while composing (or composed by another viewer meanwhile): not committed.
        if (!source || !isCurrent(track, source)) throw notReady();
        const existing = tracks.find((t) => t.participant === track.participant);
        if (existing && isCurrent(existing, source)) {
          retired.push(track.blobKey);
          continue;
        }
        if (existing) {
          const old = await playback.retireTrack(tx, existing.id);
          if (old) retired.push(old);
        }
        await playback.addTrack(tx, ownerOf(c), track);
      }
      tracks = await playback.tracks(tx, consultationId);
      if (tracks.length === 0) throw notFound();
      const breakGlass = principal.patientId !== c.patientId && principal.userId !== c.clinicianId;
      const viewing = await playback.startViewing(tx, ownerOf(c), {
        breakGlass,
        durationMs: Math.max(0, ...tracks.map((t) => t.durationMs)),
        patientTrackBytes: tracks.find((t) => t.participant === 'patient')?.plaintextBytes ?? 0,
        clinicianTrackBytes: tracks.find((t) => t.participant === 'clinician')?.plaintextBytes ?? 0,
        linkHash: hashLink(link),
      });
      await recordAudit(tx, ctx.meta, [{
        action: 'viewed', resourceType: 'recording', resourceId: consultationId, patientId: c.patientId,
        detail: breakGlass ? { viewingId: viewing.id, breakGlass: true } : { viewingId: viewing.id },
      }]);
      return playbackOf(c, viewing.id, link, viewing.linkExpiresAt, breakGlass, tracks);
    });
  } catch (err) {
    // Nothing composed here is kept unless it was committed.
    for (const track of composed) if (!retired.includes(track.blobKey)) retired.push(track.blobKey);
    throw err;
  } finally {
    for (const key of retired) await deps.recordings.blobs.delete(key).catch(() => undefined);
  }
}

/** A media response: status, headers and (unless there is nothing to send) the decrypted byte stream. */
export interface ReplayMedia {
  readonly status: 200 | 206 | 416;
  readonly headers: Record<string, string>;
  readonly body: Readable | null;
}

/**
 * Streams one participant's track through a viewing's media link, decrypted on the fly, with HTTP Range. The
 * link must be the caller's own, from this session, unexpired; the policy is asked again on every request; the
 * tripwire checks whose media it is before the first byte; what is served is added to the viewing. The stream
 * stops at once if Consultation Replays is switched off.
 */
export async function openReplayMedia(deps: ServiceDeps, ctx: RequestContext, principal: Principal, link: string, participant: Participant, range: string | undefined): Promise<ReplayMedia> {
  deps.features.require('replays');
  const { viewing, track } = await asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const v = await playback.byLink(tx, hashLink(link));
    if (!v) throw notFound();
    await guard.authorize('recording.view', consultationResource(v), v.consultationId);
    const t = (await playback.tracks(tx, v.consultationId, deps.faults)).find((x) => x.participant === participant);
    if (!t) throw notFound();
    return { viewing: v, track: t };
  });
  if (!deps.faults.tripwireOff) {
    const exposures = await deps.tripwire.exposures(principal, `${viewing.consultationId} ${viewing.viewingId} ${track.id}`);
    if (exposures.length > 0) {
      await deps.tripwire.block({ principal, meta: ctx.meta, route: 'GET /api/v1/replay-media/:link/:participant' }, exposures);
      throw new ProblemError(500, 'Something went wrong', { detail: `Quote reference ${ctx.meta.requestId ?? ''} if you contact us.` });
    }
  }

  const size = track.plaintextBytes;
  const headers: Record<string, string> = {
    'content-type': track.hasVideo ? 'video/webm' : 'audio/webm',
    'accept-ranges': 'bytes',
    'content-disposition': 'inline',
  };
  const ranges = range ? parseRange(size, range, { combine: true }) : null;
  if (ranges === -1) return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
  // A single range is served as asked; none, a malformed header, or several ranges get the whole track.
  const single = Array.isArray(ranges) && ranges.length === 1 ? ranges[0]! : null;
  const start = single?.start ?? 0;
  const end = single ? single.end + 1 : size;
  const reader = await openSealed(deps.recordings, viewing, track);
  const body = Readable.from(serve(deps, ctx, principal, viewing.viewingId, participant, reader, start, end), { objectMode: false });
  deps.mediaStreams.track(body);
  return {
    status: single ? 206 : 200,
    headers: { ...headers, 'content-length': String(end - start), ...(single ? { 'content-range': `bytes ${start}-${end - 1}/${size}` } : {}) },
    body,
  };
}

async function* serve(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, viewingId: string, participant: Participant,
  reader: { read(start: number, end: number): Promise<Buffer>; close(): void }, start: number, end: number,
): AsyncGenerator<Buffer> {
  let served = start;
  try {
    while (served < end) {
      if (!deps.features.isOn('replays')) throw new Error('Consultation Replays switched off');
      const chunk = await reader.read(served, Math.min(end, served + STREAM_STEP));
      if (chunk.length === 0) break;
      served += chunk.length;
      yield chunk;
    }
  } finally {
    reader.close();
    if (served > start) {
      await withPrincipal(deps.dbs.app, principal, (tx) => playback.addServed(tx, viewingId, participant, start, served), deps.faults)
        .catch((err: unknown) => deps.mediaStreams.log.error({ err: String(err), viewingId }, 'replay viewing: served range not recorded'));
    }
  }
}
