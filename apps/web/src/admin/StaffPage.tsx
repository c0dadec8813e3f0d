import { ROLE_LABELS } from '@confide/domain';
import { API, type StaffMember } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { ScrollableTable } from '../components/ScrollableTable';
import { PROFESSION_LABELS } from '../format/staff-labels';

function StaffTable({ staff }: { staff: StaffMember[] }) {
  if (staff.length === 0) return <p>There are no staff accounts yet.</p>;
  return (
    <ScrollableTable id="staff" caption="Staff accounts">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Registration number</th>
          <th scope="col">Organisation</th>
          <th scope="col">Two-step verification</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((member) => (
          <tr key={member.id}>
            <th scope="row">
              {member.displayName}
              <span className="secondary-text block break-anywhere">{member.email}</span>
            </th>
            <td>
              {ROLE_LABELS[member.role]}
              {member.profession && <span className="secondary-text block">{PROFESSION_LABELS[member.profession]}</span>}
            </td>
            <td>{member.registrationNumber ?? 'None'}</td>
            <td>{member.organisationName ?? 'None'}</td>
            <td>{member.mfaEnrolled ? 'Set up' : <strong className="tag">Not set up</strong>}</td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}

export function StaffPage() {
  const { resource, reload } = useApiResource<{ items: StaffMember[] }>(API.staff);
  return (
    <Page title="Staff">
      <p>Everyone with a staff account. Staff cannot see any patient data until they set up two-step verification.</p>
      <AsyncContent resource={resource} loadingText="Loading staff…" failureText="The staff list could not be loaded." onRetry={reload}>
        {(list) => <StaffTable staff={list.items} />}
      </AsyncContent>
    </Page>
  );
}
