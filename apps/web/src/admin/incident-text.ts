import { ROLE_LABELS, ROLES } from '@confide/domain';
import type { Incident } from '@confide/contract';
import { formatDateTime } from '../format/date-format';

export const INCIDENT_KIND_LABELS: Record<Incident['kind'], string> = {
  cross_patient_exposure: 'Possible cross-patient exposure (blocked)',
};

/** The banner on every admin page: "There is 1 open incident", "There are 3 open incidents". */
export function openIncidentsText(count: number): string {
  return count === 1 ? 'There is 1 open incident' : `There are ${count} open incidents`;
}

/** Who asked: "Dr Asha Patel (Clinician)", or "Unknown". */
export function actorText(actor: Incident['actor']): string {
  const role = ROLES.find((r) => r === actor.role);
  const roleLabel = role ? ROLE_LABELS[role] : actor.role;
  if (!actor.name) return roleLabel ? `Unknown (${roleLabel})` : 'Unknown';
  return roleLabel ? `${actor.name} (${roleLabel})` : actor.name;
}

const BYTES = new Intl.NumberFormat('en-GB');

export function servedText(bytes: number): string {
  if (bytes === 0) return 'Nothing was served (0 bytes)';
  return `${BYTES.format(bytes)} ${bytes === 1 ? 'byte was' : 'bytes were'} served`;
}

/** A record's type as a word: `appointment` → "Appointment", `consultation_note` → "Consultation note". */
export function recordTypeText(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

/** "Closed by Ann Admin at 23 Nov 2026, 14:05: False alarm, the tripwire test." */
export function closedText(incident: Incident): string {
  const by = incident.closedBy ? ` by ${incident.closedBy}` : '';
  const at = incident.closedAt ? ` at ${formatDateTime(incident.closedAt)}` : '';
  const resolution = incident.resolution ? `: ${incident.resolution}` : '';
  return `Closed${by}${at}${resolution}`;
}
