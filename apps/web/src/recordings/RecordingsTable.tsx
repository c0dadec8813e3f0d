import { Link } from 'react-router';
import type { ReplaySummary } from '@confide/contract';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { MODE_LABELS } from '../format/appointment-labels';
import { formatDateTime } from '../format/date-format';
import { formatDuration } from '../format/duration-format';
import { PROFESSION_LABELS } from '../format/staff-labels';
import { replayPath } from './replay-paths';
import type { ReplayBack, ReplayLinkState } from './replay-route-state';
import { playLinkRest } from './replay-text';

interface RecordingsTableProps {
  id: string;
  recordings: ReplaySummary[];
  /** Where the reader's recording player lives, e.g. /clinician/replays: each row's Play link goes there. */
  playerBasePath: string;
  /** Where the player's back link should return to (the page showing this table); the player's own default if left out. */
  backTo?: ReplayBack;
}

/** The id of a recording's row header, which takes focus when older recordings are added below. */
export function recordingRowId(tableId: string, consultationId: string): string {
  return `${tableId}-${consultationId}`;
}

/** Consultation recordings, newest first as the API lists them: when, with whom, what kind, how long, and Play. */
export function RecordingsTable({ id, recordings, playerBasePath, backTo }: RecordingsTableProps) {
  return (
    <ResponsiveTable id={id} caption="Recordings, newest first" columns={['Date', 'Clinician', 'Type', 'Length', 'Video', 'Actions']}>
      {recordings.map((recording) => {
        const state: ReplayLinkState = { clinicianName: recording.clinician.name, ...(backTo ? { back: backTo } : {}) };
        return (
          <tr role="row" key={recording.consultationId}>
            <TableCell column="Date" rowHeader id={recordingRowId(id, recording.consultationId)} tabIndex={-1}>
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
            <TableCell column="Actions">
              <Link to={replayPath(playerBasePath, recording.consultationId)} state={state} className="button button--inline">
                Play
                <span className="visually-hidden">{playLinkRest(recording.startedAt, recording.clinician.name)}</span>
              </Link>
            </TableCell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}
