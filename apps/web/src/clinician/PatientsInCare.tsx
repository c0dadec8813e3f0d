import { Link } from 'react-router';
import { API, type PatientSummary } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { ScrollableTable } from '../components/ScrollableTable';
import { formatCalendarDate } from '../format/date-format';
import { displayNhsNumber, fullName } from '../format/patient-format';
import { patientDetailPath } from './clinician-paths';

function PatientTable({ patients }: { patients: PatientSummary[] }) {
  if (patients.length === 0) return <p>You have no patients in your care at the moment.</p>;
  return (
    <ScrollableTable id="patients-in-care" caption="Patients in your care" captionHidden>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Date of birth</th>
          <th scope="col">NHS number</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((patient) => (
          <tr key={patient.id}>
            <th scope="row">
              <Link to={patientDetailPath(patient.id)}>{fullName(patient)}</Link>
            </th>
            <td className="nowrap">{formatCalendarDate(patient.dateOfBirth)}</td>
            <td className="nowrap">{displayNhsNumber(patient.nhsNumber, 'Not recorded')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
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
