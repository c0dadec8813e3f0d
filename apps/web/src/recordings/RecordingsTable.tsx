import type { ReplaySummary } from '@confide/contract';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { MODE_LABELS } from '../format/appointment-labels';
import { formatDateTime } from '../format/date-format';
import { formatDuration } from '../format/duration-format';
import { PROFESSION_LABELS } from '../format/staff-labels';

/** Consultation recordings, newest first as the API lists them: when, with whom, what kind, how long. */
export function RecordingsTable({ id, recordings }: { id: string; recordings: ReplaySummary[] }) {
  return (
    <ResponsiveTable id={id} caption="Recordings, newest first" columns={['Date', 'Clinician', 'Type', 'Length', 'Video']}>
      {recordings.map((recording) => (
        <tr role="row" key={recording.consultationId}>
          <TableCell column="Date" rowHeader>
            <time dateTime={recording.startedAt}>{formatDateTime(recording.startedAt)}</time>
          </TableCell>
          <TableCell column="Clinician">
            {recording.clinician.name}
            {recording.clinician.profession && (
              <span className="secondary-text block">{PROFESSION_LABELS[recording.clinician.profession]}</span>
            )}
          </TableCell>
          <TableCell column="Type">
            {recording.appointmentType.name}
            <span className="secondary-text block">{MODE_LABELS[recording.appointmentType.mode]}</span>
          </TableCell>
          <TableCell column="Length" className="nowrap">
            {formatDuration(recording.durationSeconds)}
          </TableCell>
          <TableCell column="Video">{recording.hasVideo ? 'Yes' : 'No'}</TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
