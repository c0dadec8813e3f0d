import type { AppointmentStatus, AppointmentType } from '@confide/contract';
import { weekdayName } from './clinic-time';

type Mode = AppointmentType['mode'];

/** How the appointment happens, for tables: "Video", "Phone". */
export const MODE_LABELS: Record<Mode, string> = {
  video: 'Video',
  audio: 'Phone',
};

/** The same in the middle of a sentence: "GP appointment (video)". */
export const MODE_SHORT_LABELS: Record<Mode, string> = {
  video: 'video',
  audio: 'phone',
};

/** Where an appointment has got to, in plain English. */
export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In progress',
  completed: 'Completed',
  no_show: 'Missed',
  cancelled: 'Cancelled',
};

/** An appointment type as a choice in a list: "GP appointment (video, 10 minutes)". */
export function appointmentTypeOption(type: AppointmentType): string {
  return `${type.name} (${MODE_SHORT_LABELS[type.mode]}, ${type.durationMinutes} minutes)`;
}

/** Weekly hours in one line: "Monday 09:00–12:00 GP appointment". */
export function weeklyHoursLabel(weekday: number, startTime: string, endTime: string, typeName: string): string {
  return `${weekdayName(weekday)} ${startTime}–${endTime} ${typeName}`;
}
