import { describe, expect, it } from 'vitest';
import { bookFromSymptomCheck, handoffState, readConfirmPageState, readSymptomCheckHandoff } from './booking-state';

const SUMMARY = 'Symptom checker: Get help today. Has: sore throat, a high temperature. Not: cough.';

describe('booking from the symptom checker', () => {
  it('passes the summary only when the patient ticked the box', () => {
    expect(bookFromSymptomCheck({ profession: 'gp', urgency: 'today' }, SUMMARY, false)).toEqual({
      symptomCheck: { profession: 'gp', urgency: 'today', reason: null },
    });
    expect(bookFromSymptomCheck({ profession: 'nurse', urgency: 'soon' }, SUMMARY, true)).toEqual({
      symptomCheck: { profession: 'nurse', urgency: 'soon', reason: SUMMARY },
    });
  });

  it('cuts a long summary to fit the reason (500 characters)', () => {
    const state = bookFromSymptomCheck({ profession: 'gp', urgency: 'soon' }, `${SUMMARY} ${'word '.repeat(200)}`, true);
    expect(state.symptomCheck.reason?.length).toBeLessThanOrEqual(500);
    expect(state.symptomCheck.reason?.startsWith(SUMMARY)).toBe(true);
  });

  it('reads the handoff back from location state, and nothing from anything else', () => {
    const state = bookFromSymptomCheck({ profession: 'therapist', urgency: 'soon' }, SUMMARY, true);
    expect(readSymptomCheckHandoff(state)).toEqual(state.symptomCheck);
    expect(readSymptomCheckHandoff({ setback: 'slot_taken', ...state })).toEqual(state.symptomCheck);
    expect(readSymptomCheckHandoff(null)).toBeNull();
    expect(readSymptomCheckHandoff({ symptomCheck: { profession: 'surgeon', urgency: 'today', reason: null } })).toBeNull();
    expect(handoffState(null)).toBeNull();
    expect(handoffState(state.symptomCheck)).toEqual(state);
  });

  it('keeps the handoff with the chosen time on the confirm step', () => {
    const slot = {
      clinicianId: '00000000-0000-4000-8000-000000000001',
      clinicianName: 'Dr Asha Patel',
      profession: 'gp',
      appointmentTypeId: '00000000-0000-4000-8000-000000000002',
      appointmentTypeName: 'GP appointment',
      mode: 'video',
      startsAt: '2026-11-23T10:00:00.000Z',
      endsAt: '2026-11-23T10:15:00.000Z',
    };
    const { symptomCheck } = bookFromSymptomCheck({ profession: 'gp', urgency: 'today' }, SUMMARY, true);
    expect(readConfirmPageState({ slot, search: '?profession=gp', symptomCheck })).toEqual({ step: 'confirm', slot, search: '?profession=gp', symptomCheck });
    expect(readConfirmPageState({ slot, search: '' })).toEqual({ step: 'confirm', slot, search: '' });
  });
});
