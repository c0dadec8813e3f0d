import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from './call-session';
import { connectionText, inCallRecordingText, presenceText, remoteMediaText } from './call-text';

const base: CallSnapshot = {
  phase: 'in-call',
  signallingLost: false,
  peer: 'connected',
  quality: 'good',
  microphone: 'on',
  camera: 'off',
  selfView: null,
  remoteStream: null,
  remoteVersion: 0,
  remoteMedia: null,
  chat: [],
  serverError: null,
  deviceProblem: null,
};

describe('what the call page says', () => {
  it('shows the quality once connected, and reconnecting while either connection is lost', () => {
    expect(connectionText(base)).toBe('Connection: Good');
    expect(connectionText({ ...base, quality: 'poor' })).toBe('Connection: Poor');
    expect(connectionText({ ...base, peer: 'connecting', quality: null })).toBe('Connecting…');
    expect(connectionText({ ...base, peer: 'connected', quality: null })).toBe('Connecting…');
    expect(connectionText({ ...base, phase: 'joining', peer: 'waiting' })).toBe('Connecting…');
    expect(connectionText({ ...base, peer: 'reconnecting' })).toBe('Reconnecting…');
    expect(connectionText({ ...base, signallingLost: true })).toBe('Reconnecting…');
  });

  it('says who the call is waiting for', () => {
    expect(presenceText({ ...base, peer: 'waiting' }, 'Dr Asha Patel')).toBe('Waiting for Dr Asha Patel to join…');
    expect(presenceText(base, 'Dr Asha Patel')).toBe('You are in the call with Dr Asha Patel.');
  });

  it('says when the other participant’s camera or microphone is off', () => {
    expect(remoteMediaText('Dr X', null)).toBe('');
    expect(remoteMediaText('Dr X', { audio: true, video: true })).toBe('');
    expect(remoteMediaText('Dr X', { audio: false, video: false })).toBe("Dr X's camera is off. Dr X's microphone is muted.");
  });

  it('says whether the call is being recorded', () => {
    expect(inCallRecordingText(true)).toBe('This consultation is recorded.');
    expect(inCallRecordingText(false)).toBe('Recording is temporarily switched off: this consultation is not being recorded.');
  });
});
