import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ReplayTrack } from '@confide/contract';
import { problemMessage } from '../api/problem-message';
import { linkIsStale, recoverFromMediaError, shouldRenewWhilePaused } from './replay-link';
import { REPLAY_NOT_FOUND_TEXT, REPLAYS_UNAVAILABLE_TEXT, replayProblemOf } from './replay-problem';
import { clockTime, positionValueText, timelineSeconds } from './replay-text';
import type { ReplayLinks } from './use-replay-playback';

type Participant = ReplayTrack['participant'];

/** A track counts as finished this close to its end (seconds). */
const END_MARGIN = 0.05;
/** A track further than this from the time line (seconds) is put back in step. */
const MAX_DRIFT = 0.3;
/** How often a paused player checks whether its link needs renewing. */
const LINK_CHECK_MS = 5_000;
/** "Loading…" is said only if waiting for more of the recording takes longer than this. */
const BUFFERING_NOTICE_MS = 1_000;

const STATUS_TEXT = {
  reconnecting: 'Reconnecting to the recording…',
  buffering: 'Loading…',
  blocked: 'Your browser stopped the recording from playing by itself. Press Play to start it.',
  ended: 'End of the recording.',
} as const;
type Message = 'blocked' | 'ended';

/** Why playing stopped: a request that failed, or media that kept failing with fresh links. */
type Failure = { kind: 'request'; error: unknown } | { kind: 'media' };

function failureText(failure: Failure): { text: string; retry: boolean } {
  if (failure.kind === 'media') {
    return { text: 'Sorry, the recording could not be played. Try again, or try another browser.', retry: true };
  }
  const problem = replayProblemOf(failure.error);
  switch (problem.kind) {
    case 'not-found':
      return { text: REPLAY_NOT_FOUND_TEXT, retry: false };
    case 'not-ready':
      return { text: problem.message, retry: false };
    case 'unavailable':
      return { text: REPLAYS_UNAVAILABLE_TEXT, retry: true };
    case 'other':
      return { text: `The recording could not be played. ${problemMessage(failure.error)}`, retry: true };
  }
}

interface ReplayMediaProps {
  links: ReplayLinks;
  /** Fresh media links for the same viewing. */
  renew: () => Promise<ReplayLinks>;
  /** How each track is labelled: the participant's name, or "You". */
  labelOf: (track: ReplayTrack) => string;
}

/**
 * Each participant's track as one media element, all played together on the consultation's time line by one
 * set of controls: Play or Pause, and a Position slider (a native range input, so the keyboard works: arrows move
 * a second, Page Up and Down further, Home and End to either end). A track shorter than the time line simply ends.
 *
 * The first track still playing keeps the time; any other that drifts more than 0.3 s from it is put back in
 * step, and while one waits for more data the others pause for it. Media links last a few minutes: when one
 * fails (a request for more got 404 once it expired), or about 30 s before it runs out while paused, the same
 * viewing gets fresh links, each element's source is swapped, and it carries on from the same place.
 */
export function ReplayMedia({ links, renew, labelOf }: ReplayMediaProps) {
  const { tracks } = links.playback;
  const total = timelineSeconds(links.playback.durationSeconds);
  const sliderId = useId();

  const elements = useRef(new Map<Participant, HTMLMediaElement>());
  /** Where the time line is, in seconds, as precisely as the media says. */
  const position = useRef(0);
  /** Whether the viewer wants it playing (it may be waiting for data or fresh links meanwhile). */
  const wantPlaying = useRef(false);
  /** Tracks waiting for more data, and the tracks paused to wait for them. */
  const waiting = useRef(new Set<Participant>());
  const held = useRef(new Set<Participant>());
  /** Fresh links being fetched; then the new sources still to load, and be put back in place, before carrying on. */
  const renewing = useRef(false);
  const restoring = useRef<Map<Participant, string> | null>(null);
  const usedSinceLink = useRef(false);
  const quickRetries = useRef(0);
  const bufferingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const [playing, setPlaying] = useState(false);
  const [shown, setShown] = useState(0);
  const [reconnecting, setReconnecting] = useState(false);
  const [buffering, setBuffering] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const trackOf = (participant: Participant) => tracks.find((t) => t.participant === participant);
  const within = (track: ReplayTrack, at: number = position.current) => at < track.durationSeconds - END_MARGIN;
  const busy = () => renewing.current || restoring.current !== null;

  function each(action: (element: HTMLMediaElement, track: ReplayTrack) => void) {
    for (const track of tracks) {
      const element = elements.current.get(track.participant);
      if (element) action(element, track);
    }
  }

  /** The element that keeps the time: the first whose track has not yet ended. */
  function timekeeper(): HTMLMediaElement | null {
    for (const track of tracks) {
      const element = elements.current.get(track.participant);
      if (element && !element.ended && within(track)) return element;
    }
    return null;
  }

  function showPosition(seconds: number) {
    position.current = Math.min(total, Math.max(0, seconds));
    setShown(Math.min(total, Math.floor(position.current)));
  }

  function stopBuffering() {
    waiting.current.clear();
    held.current.clear();
    clearTimeout(bufferingTimer.current);
    setBuffering(false);
  }

  function refused(error: unknown) {
    // A pause or a new source interrupting play() is expected; the browser refusing to play is not.
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      wantPlaying.current = false;
      setPlaying(false);
      each((element) => element.pause());
      setMessage('blocked');
    }
  }

  function playAll() {
    stopBuffering();
    each((element, track) => {
      if (within(track)) {
        if (Math.abs(element.currentTime - position.current) > MAX_DRIFT) element.currentTime = position.current;
        element.play().catch(refused);
      } else {
        element.pause();
      }
    });
  }

  function stop() {
    wantPlaying.current = false;
    setPlaying(false);
    stopBuffering();
    each((element) => element.pause());
  }

  function finish() {
    stop();
    showPosition(total);
    setMessage('ended');
  }

  async function reconnect(quiet: boolean) {
    if (renewing.current) return;
    renewing.current = true;
    restoring.current = null;
    if (!quiet) setReconnecting(true);
    try {
      const fresh = await renew();
      usedSinceLink.current = false;
      // The new sources load once rendered; each is put back in place when its metadata arrives.
      restoring.current = new Map(fresh.playback.tracks.map((t) => [t.participant, t.src]));
    } catch (error) {
      stop();
      setReconnecting(false);
      setFailure({ kind: 'request', error });
    } finally {
      renewing.current = false;
    }
  }

  function play() {
    usedSinceLink.current = true;
    setMessage(null);
    if (position.current >= total - END_MARGIN) showPosition(0);
    if (!tracks.some((track) => within(track))) {
      finish();
      return;
    }
    wantPlaying.current = true;
    setPlaying(true);
    if (busy()) {
      setReconnecting(true);
      return;
    }
    if (failure) {
      tryAgain();
      return;
    }
    if (linkIsStale(Date.now(), links.deadline)) {
      void reconnect(false);
      return;
    }
    playAll();
  }

  function pause() {
    usedSinceLink.current = true;
    const keeper = busy() ? null : timekeeper();
    if (keeper && keeper.readyState > 0) showPosition(keeper.currentTime);
    stop();
    setReconnecting(false);
  }

  function seek(event: ChangeEvent<HTMLInputElement>) {
    const to = Number(event.currentTarget.value);
    if (!Number.isFinite(to)) return;
    usedSinceLink.current = true;
    setMessage(null);
    showPosition(to);
    if (busy()) return;
    if (linkIsStale(Date.now(), links.deadline)) {
      void reconnect(false);
      return;
    }
    each((element, track) => {
      element.currentTime = Math.min(to, track.durationSeconds);
    });
    if (!wantPlaying.current) return;
    if (to >= total - END_MARGIN) {
      finish();
      return;
    }
    each((element, track) => {
      if (!within(track)) element.pause();
      else if (element.paused) element.play().catch(refused);
    });
  }

  function handleLoadedMetadata(participant: Participant, element: HTMLMediaElement) {
    const pending = restoring.current;
    if (!pending || pending.get(participant) !== element.getAttribute('src')) return;
    pending.delete(participant);
    const track = trackOf(participant);
    element.currentTime = Math.min(position.current, track?.durationSeconds ?? position.current);
    if (pending.size > 0) return;
    restoring.current = null;
    setReconnecting(false);
    if (!wantPlaying.current) return;
    if (position.current >= total - END_MARGIN) finish();
    else playAll();
  }

  function handleTimeUpdate(element: HTMLMediaElement) {
    if (busy() || !wantPlaying.current || element !== timekeeper()) return;
    showPosition(element.currentTime);
    if (waiting.current.size > 0) return;
    each((other, track) => {
      if (other === element || !within(track)) return;
      if (!other.seeking && Math.abs(other.currentTime - position.current) > MAX_DRIFT) other.currentTime = position.current;
      if (other.paused) other.play().catch(refused);
    });
  }

  function handleEnded() {
    if (busy()) return;
    const done = tracks.every((track) => {
      const element = elements.current.get(track.participant);
      return !element || element.ended || !within(track, element.currentTime);
    });
    if (done) finish();
  }

  function handleWaiting(participant: Participant, element: HTMLMediaElement) {
    // A track paused to wait for another may still report that it was waiting itself: it is not, and pausing
    // the other for it would leave both paused, each waiting for the other.
    if (busy() || !wantPlaying.current || element.paused || held.current.has(participant)) return;
    waiting.current.add(participant);
    each((other, track) => {
      if (track.participant !== participant && !other.paused) {
        other.pause();
        held.current.add(track.participant);
      }
    });
    clearTimeout(bufferingTimer.current);
    bufferingTimer.current = setTimeout(() => setBuffering(waiting.current.size > 0), BUFFERING_NOTICE_MS);
  }

  function handlePlaying(participant: Participant) {
    waiting.current.delete(participant);
    if (waiting.current.size > 0) return;
    clearTimeout(bufferingTimer.current);
    setBuffering(false);
    const resume = [...held.current];
    held.current.clear();
    if (!wantPlaying.current) return;
    for (const other of resume) {
      const element = elements.current.get(other);
      const track = trackOf(other);
      if (element && track && within(track)) element.play().catch(refused);
    }
  }

  function handleError(participant: Participant, element: HTMLMediaElement) {
    // An old link failing after it was replaced, or while fresh ones are on their way, needs nothing more.
    if (renewing.current || failure || element.getAttribute('src') !== trackOf(participant)?.src) return;
    const recovery = recoverFromMediaError({ now: Date.now(), linkReceivedAt: links.receivedAt, quickRetries: quickRetries.current });
    if (recovery.action === 'give-up') {
      stop();
      restoring.current = null;
      setReconnecting(false);
      setFailure({ kind: 'media' });
      return;
    }
    quickRetries.current = recovery.quickRetries;
    void reconnect(!wantPlaying.current);
  }

  /** One fresh link, asked for by the viewer: if it fails at once too, that is the end of it. */
  function tryAgain() {
    setFailure(null);
    quickRetries.current = 1;
    void reconnect(false);
  }

  // While paused, renew the links shortly before they run out, so Play and seeking work at once.
  const checkLink = useRef<() => void>(() => undefined);
  useEffect(() => {
    checkLink.current = () => {
      if (busy() || failure) return;
      if (shouldRenewWhilePaused({ now: Date.now(), deadline: links.deadline, playing: wantPlaying.current, usedSinceLink: usedSinceLink.current })) {
        void reconnect(true);
      }
    };
  });
  useEffect(() => {
    if (playing) return;
    const timer = setInterval(() => checkLink.current(), LINK_CHECK_MS);
    return () => clearInterval(timer);
  }, [playing]);

  useEffect(() => () => clearTimeout(bufferingTimer.current), []);

  const status = reconnecting ? STATUS_TEXT.reconnecting : buffering ? STATUS_TEXT.buffering : message ? STATUS_TEXT[message] : '';
  const problem = failure ? failureText(failure) : null;

  return (
    <div className="replay">
      <div className="replay-tracks">
        {tracks.map((track) => {
          const media = {
            ref: (element: HTMLMediaElement | null) => {
              if (element) elements.current.set(track.participant, element);
              else elements.current.delete(track.participant);
            },
            src: track.src,
            preload: 'metadata',
            playsInline: true,
            'data-participant': track.participant,
            onLoadedMetadata: (event: { currentTarget: HTMLMediaElement }) => handleLoadedMetadata(track.participant, event.currentTarget),
            onTimeUpdate: (event: { currentTarget: HTMLMediaElement }) => handleTimeUpdate(event.currentTarget),
            onEnded: handleEnded,
            onWaiting: (event: { currentTarget: HTMLMediaElement }) => handleWaiting(track.participant, event.currentTarget),
            onPlaying: () => handlePlaying(track.participant),
            onError: (event: { currentTarget: HTMLMediaElement }) => handleError(track.participant, event.currentTarget),
          } as const;
          return (
            <figure key={track.participant} className={`replay-track ${track.hasVideo ? 'replay-track--video' : 'replay-track--audio'}`}>
              <div className="replay-track__frame">
                {track.hasVideo ? (
                  <video {...media} />
                ) : (
                  <>
                    <audio {...media} />
                    <p className="replay-track__sound-only">Sound only</p>
                  </>
                )}
              </div>
              <figcaption className="replay-track__label">{labelOf(track)}</figcaption>
            </figure>
          );
        })}
      </div>

      <div className="replay-controls">
        <button type="button" className="button replay-controls__play" onClick={playing ? pause : play}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <div className="replay-controls__position">
          <label className="label" htmlFor={sliderId}>
            Position
          </label>
          <input
            id={sliderId}
            className="replay-slider"
            type="range"
            min={0}
            max={total}
            step={1}
            value={shown}
            aria-valuetext={positionValueText(shown, total)}
            onChange={seek}
          />
          <p className="replay-clock" aria-hidden="true">
            {clockTime(shown)} / {clockTime(total)}
          </p>
        </div>
      </div>
      <p className="replay-status" role="status">
        {status}
      </p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem.text}</p>
          {problem.retry && (
            <button type="button" className="button button--secondary" onClick={tryAgain}>
              Try again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
