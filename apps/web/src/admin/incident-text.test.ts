import { describe, expect, it } from 'vitest';
import type { Incident } from '@confide/contract';
import { actorText, closedText, openIncidentsText, recordTypeText, servedText } from './incident-text';

describe('what the incident pages say', () => {
  it('counts open incidents in a sentence', () => {
    expect(openIncidentsText(1)).toBe('There is 1 open incident');
    expect(openIncidentsText(3)).toBe('There are 3 open incidents');
  });

  it('names who asked, with their role, or says it is not known', () => {
    expect(actorText({ userId: null, name: 'Dr Asha Patel', role: 'clinician' })).toBe('Dr Asha Patel (Clinician)');
    expect(actorText({ userId: null, name: null, role: null })).toBe('Unknown');
    expect(actorText({ userId: null, name: 'Sam', role: 'robot' })).toBe('Sam (robot)');
  });

  it('says plainly when nothing was served', () => {
    expect(servedText(0)).toBe('Nothing was served (0 bytes)');
    expect(servedText(1200)).toBe('1,200 bytes were served');
  });

  it('writes record types as words', () => {
    expect(recordTypeText('consultation_note')).toBe('Consultation note');
  });

  it('says who closed an incident, when and why', () => {
    const incident = { closedBy: 'Ann Admin', closedAt: 'not a date', resolution: 'A test.' } as Incident;
    expect(closedText(incident)).toBe('Closed by Ann Admin at not a date: A test.');
  });
});
