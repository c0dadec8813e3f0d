import { PROFESSIONS, type Profession } from '@confide/domain';
import { API, type Slot } from '@confide/contract';
import { MODE_SHORT_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME_ZONE, isIsoDate, localDateOf } from '../format/clinic-time';

/** What the patient asked to see, kept in the page's address so Back and reloading show the same times. */
export interface SlotSearch {
  profession: Profession;
  date: string;
  firstAvailable: boolean;
}

function isProfession(value: string | null): value is Profession {
  return value !== null && (PROFESSIONS as readonly string[]).includes(value);
}

/** The search in the address, or null before the patient has searched. */
export function readSlotSearch(params: URLSearchParams): SlotSearch | null {
  const profession = params.get('profession');
  const date = params.get('date');
  if (!isProfession(profession) || date === null || !isIsoDate(date)) return null;
  return { profession, date, firstAvailable: params.get('first') === 'true' };
}

export function slotSearchParams(search: SlotSearch): URLSearchParams {
  const params = new URLSearchParams({ profession: search.profession, date: search.date });
  if (search.firstAvailable) params.set('first', 'true');
  return params;
}

interface SlotsRequest {
  profession?: Profession | null;
  appointmentTypeId?: string;
  date: string;
  days?: number;
  firstAvailable?: boolean;
}

/** The API address for open slots; times are asked for in the clinic's time zone. */
export function slotsPath({ profession, appointmentTypeId, date, days = 1, firstAvailable = false }: SlotsRequest): string {
  const params = new URLSearchParams();
  if (profession) params.set('profession', profession);
  params.set('date', date);
  params.set('days', String(days));
  params.set('timeZone', CLINIC_TIME_ZONE);
  params.set('firstAvailable', String(firstAvailable));
  if (appointmentTypeId) params.set('appointmentTypeId', appointmentTypeId);
  return `${API.slots}?${params.toString()}`;
}

/** Slots grouped by their local day, each day and each day's slots in time order. */
export function slotsByDay(slots: readonly Slot[]): { date: string; slots: Slot[] }[] {
  const days = new Map<string, Slot[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const slot of sorted) {
    const date = localDateOf(slot.startsAt);
    const day = days.get(date);
    if (day) day.push(slot);
    else days.set(date, [slot]);
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/** Who and what, after the time: "Dr Asha Patel, GP appointment (video)". */
export function slotDetails(slot: Slot): string {
  return `${slot.clinicianName}, ${slot.appointmentTypeName} (${MODE_SHORT_LABELS[slot.mode]})`;
}
