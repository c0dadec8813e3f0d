import { Link } from 'react-router';
import type { RepeatRequest } from '@confide/contract';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { medicineLabel } from '../format/prescription-labels';
import { prescriptionPath } from './patient-paths';
import { ukDate } from './prescription-status';
import { repeatRequestStatusText } from './repeat-requests';

interface RepeatRequestTableProps {
  id: string;
  caption: string;
  /** Already in the order to show them (see `repeatRequestsToShow`). */
  requests: RepeatRequest[];
  /** Leave out the medicine column on a page about one prescription. */
  withMedicine?: boolean;
}

/** The patient's repeat requests: what for, when they asked, and what their clinician decided. */
export function RepeatRequestTable({ id, caption, requests, withMedicine = true }: RepeatRequestTableProps) {
  const columns = withMedicine ? ['Medicine', 'Asked on', 'What happened'] : ['Asked on', 'What happened'];
  return (
    <ResponsiveTable id={id} caption={caption} captionHidden columns={columns}>
      {requests.map((request) => {
        const medicine = medicineLabel(request.medicine);
        return (
          <tr role="row" key={request.id}>
            {withMedicine && (
              <TableCell column="Medicine" rowHeader>
                <Link to={prescriptionPath(request.prescriptionId)}>{medicine}</Link>
              </TableCell>
            )}
            <TableCell column="Asked on" rowHeader={!withMedicine}>
              <time dateTime={request.requestedAt}>{ukDate(request.requestedAt)}</time>
            </TableCell>
            <TableCell column="What happened">
              <span className="block reason-text">{repeatRequestStatusText(request)}</span>
              {request.note && <span className="block secondary-text reason-text">Your note: {request.note}</span>}
              {request.status === 'approved' && request.newPrescriptionId && (
                <Link to={prescriptionPath(request.newPrescriptionId)} className="block">
                  View the new prescription<span className="visually-hidden"> of {medicine}</span>
                </Link>
              )}
            </TableCell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}
