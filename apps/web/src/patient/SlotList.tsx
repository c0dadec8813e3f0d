import type { ReactNode } from 'react';
import type { Slot } from '@confide/contract';
import { formatLongDate } from '../format/clinic-time';
import { slotsByDay } from './slot-search';

interface SlotListProps {
  slots: Slot[];
  /** Used to make heading ids unique on the page. */
  id: string;
  /** The heading that names the list when it is all one day (and so has no day headings). */
  labelledBy: string;
  /** Give each day its own heading, for searches over several days. */
  dayHeadings?: boolean;
  /** The link or button for one slot. */
  children: (slot: Slot) => ReactNode;
}

/** Open times as a list of choices, one per slot, grouped under day headings when they span several days. */
export function SlotList({ slots, id, labelledBy, dayHeadings = false, children }: SlotListProps) {
  const days = slotsByDay(slots);
  if (!dayHeadings) {
    return (
      <ul className="slot-list" aria-labelledby={labelledBy}>
        {days.flatMap((day) => day.slots).map((slot) => (
          <li key={`${slot.clinicianId}:${slot.appointmentTypeId}:${slot.startsAt}`}>{children(slot)}</li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {days.map((day) => {
        const headingId = `${id}-${day.date}`;
        return (
          <section key={day.date} aria-labelledby={headingId}>
            <h3 id={headingId} className="slot-day">
              {formatLongDate(day.date)}
            </h3>
            <ul className="slot-list" aria-labelledby={headingId}>
              {day.slots.map((slot) => (
                <li key={`${slot.clinicianId}:${slot.appointmentTypeId}:${slot.startsAt}`}>{children(slot)}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
