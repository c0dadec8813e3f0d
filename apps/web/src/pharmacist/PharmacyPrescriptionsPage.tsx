import { Link } from 'react-router';
import { API, type Prescription, type PrescriptionList } from '@confide/contract';
import { useLiveResource } from '../api/use-live-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { formatCalendarDate, formatDateTime } from '../format/date-format';
import { medicineLabel } from '../format/prescription-labels';
import { pharmacyPrescriptionPath } from './pharmacist-paths';
import { formatQuantity, groupPrescriptions } from './prescription-dispensing';
import { pharmacyStatusText, toDispenseCountText } from './prescription-text';

/** How often the list is looked at again, for prescriptions newly sent to the pharmacy. */
const PRESCRIPTIONS_POLL_MS = 30_000;
const COLUMNS = ['Patient', 'Date of birth', 'Medicine', 'Quantity', 'Status', 'Issued'];

function PrescriptionTable({ id, caption, prescriptions }: { id: string; caption: string; prescriptions: Prescription[] }) {
  return (
    <ResponsiveTable id={id} caption={caption} captionHidden columns={COLUMNS}>
      {prescriptions.map((prescription) => (
        <tr role="row" key={prescription.id}>
          <TableCell column="Patient" rowHeader>
            {/* Named with the medicine too, as a patient may have more than one prescription in the list. */}
            <Link to={pharmacyPrescriptionPath(prescription.id)} aria-label={`${prescription.patient.name}: ${prescription.medicine.name}`}>
              {prescription.patient.name}
            </Link>
          </TableCell>
          <TableCell column="Date of birth">{formatCalendarDate(prescription.patient.dateOfBirth)}</TableCell>
          <TableCell column="Medicine">{medicineLabel(prescription.medicine)}</TableCell>
          <TableCell column="Quantity">{formatQuantity(prescription.quantity)}</TableCell>
          <TableCell column="Status">{pharmacyStatusText(prescription)}</TableCell>
          <TableCell column="Issued">
            <time dateTime={prescription.issuedAt}>{formatDateTime(prescription.issuedAt)}</time>
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function PrescriptionGroups({ prescriptions }: { prescriptions: Prescription[] }) {
  if (prescriptions.length === 0) return <p>No prescriptions have been sent to your pharmacy yet.</p>;
  const { toDispense, closed } = groupPrescriptions(prescriptions);
  return (
    <>
      <section aria-labelledby="to-dispense-heading">
        <h2 id="to-dispense-heading">To dispense</h2>
        {toDispense.length === 0 ? (
          <p>There are no prescriptions to dispense.</p>
        ) : (
          <PrescriptionTable id="to-dispense" caption="Prescriptions to dispense, newest first" prescriptions={toDispense} />
        )}
      </section>
      <section aria-labelledby="closed-heading">
        <h2 id="closed-heading">Dispensed and closed</h2>
        {closed.length === 0 ? (
          <p>There are no dispensed or closed prescriptions.</p>
        ) : (
          <PrescriptionTable id="closed" caption="Dispensed and closed prescriptions, newest first" prescriptions={closed} />
        )}
      </section>
    </>
  );
}

/** The prescriptions sent to the pharmacist's pharmacy, newest first: those to dispense, then the rest. */
export function PharmacyPrescriptionsPage() {
  const { resource, reload, refreshFailed } = useLiveResource<PrescriptionList>(API.pharmacyPrescriptions, { pollMs: PRESCRIPTIONS_POLL_MS });
  const toDispense = resource.status === 'loaded' ? groupPrescriptions(resource.data.prescriptions).toDispense.length : null;

  return (
    <Page title="Prescriptions">
      <p>Prescriptions sent to your pharmacy. Open one to check its signature and dispense it. This list updates by itself.</p>
      {/* Its text changes only when the number to dispense does, so refreshing every 30 seconds stays quiet. */}
      <p role="status" className="visually-hidden">
        {toDispense === null ? '' : toDispenseCountText(toDispense)}
      </p>
      <div aria-busy={resource.status === 'loading'}>
        <AsyncContent resource={resource} loadingText="Loading prescriptions…" failureText="The prescriptions could not be loaded." onRetry={reload}>
          {(list) => <PrescriptionGroups prescriptions={list.prescriptions} />}
        </AsyncContent>
      </div>
      {refreshFailed && <p className="secondary-text">The list could not be updated just now. We will keep trying.</p>}
    </Page>
  );
}
