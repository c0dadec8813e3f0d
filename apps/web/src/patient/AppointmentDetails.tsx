import type { Appointment, Slot } from '@confide/contract';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { MODE_LABELS, STATUS_LABELS } from '../format/appointment-labels';
import { CLINIC_TIME, formatDateOf, formatTimeRange } from '../format/clinic-time';
import { PROFESSION_LABELS } from '../format/staff-labels';
import { paidByLabel } from './access-route-labels';

/** When, who, what, how and (once booked) how it is paid for, for an appointment or a time about to be booked. Times are clinic time. */
export function AppointmentDetails({ appointment, slot }: { appointment?: Appointment; slot?: Slot }) {
  const rows: SummaryRow[] = [];
  if (appointment) {
    const profession = appointment.clinician.profession;
    rows.push(
      { term: 'Date', value: formatDateOf(appointment.startsAt) },
      { term: 'Time', value: `${formatTimeRange(appointment.startsAt, appointment.endsAt)} (${CLINIC_TIME})` },
      {
        term: 'With',
        value: profession ? `${appointment.clinician.name}, ${PROFESSION_LABELS[profession]}` : appointment.clinician.name,
      },
      { term: 'Appointment', value: appointment.appointmentType.name },
      { term: 'How', value: MODE_LABELS[appointment.appointmentType.mode] },
      { term: 'Status', value: STATUS_LABELS[appointment.status] },
    );
    const paidBy = paidByLabel(appointment);
    if (paidBy) rows.push({ term: 'Paid by', value: paidBy });
  } else if (slot) {
    rows.push(
      { term: 'Date', value: formatDateOf(slot.startsAt) },
      { term: 'Time', value: `${formatTimeRange(slot.startsAt, slot.endsAt)} (${CLINIC_TIME})` },
      { term: 'With', value: `${slot.clinicianName}, ${PROFESSION_LABELS[slot.profession]}` },
      { term: 'Appointment', value: slot.appointmentTypeName },
      { term: 'How', value: MODE_LABELS[slot.mode] },
    );
  }
  return <SummaryList rows={rows} />;
}
