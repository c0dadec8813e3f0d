import { Link } from 'react-router';
import { API, type PatientSummary } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { formatCalendarDate } from '../format/date-format';
import { displayNhsNumber, fullName } from '../format/patient-format';
import { patientDetailPath } from './clinician-paths';

function PatientTable({ patients }: { patients: PatientSummary[] }) {
  if (patients.length === 0) return <p>You have no patients in your care at the moment.</p>;
  return (
    <ResponsiveTable
      id="patients-in-care"
      caption="Patients in your care"
      captionHidden
      columns={['Name', 'Date of birth', 'NHS number']}
    >
      {patients.map((patient) => (
        <tr role="row" key={patient.id}>
          <TableCell column="Name" rowHeader>
            <Link to={patientDetailPath(patient.id)}>{fullName(patient)}</Link>
          </TableCell>
          <TableCell column="Date of birth">{formatCalendarDate(patient.dateOfBirth)}</TableCell>
          <TableCell column="NHS number" className="nowrap">
            {displayNhsNumber(patient.nhsNumber, 'Not recorded')}
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** The patients this clinician has a care relationship with; each links to their details. */
export function PatientsInCare() {
  const { resource, reload } = useApiResource<{ items: PatientSummary[] }>(API.patients);
  return (
    <section>
      <h2 id="patients-heading">Patients in your care</h2>
      <AsyncContent
        resource={resource}
        loadingText="Loading your patients…"
        failureText="Your patients could not be loaded."
        onRetry={reload}
      >
        {(list) => <PatientTable patients={list.items} />}
      </AsyncContent>
    </section>
  );
}
