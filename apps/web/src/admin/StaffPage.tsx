import { ROLE_LABELS } from '@confide/domain';
import { API, type StaffMember } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { PROFESSION_LABELS } from '../format/staff-labels';

function StaffTable({ staff }: { staff: StaffMember[] }) {
  if (staff.length === 0) return <p>There are no staff accounts yet.</p>;
  return (
    <ResponsiveTable
      id="staff"
      caption="Staff accounts"
      columns={['Name', 'Role', 'Registration number', 'Organisation', 'Two-step verification']}
    >
      {staff.map((member) => (
        <tr role="row" key={member.id}>
          <TableCell column="Name" rowHeader>
            {member.displayName}
            <span className="secondary-text block">{member.email}</span>
          </TableCell>
          <TableCell column="Role">
            {ROLE_LABELS[member.role]}
            {member.profession && <span className="secondary-text block">{PROFESSION_LABELS[member.profession]}</span>}
          </TableCell>
          <TableCell column="Registration number">{member.registrationNumber ?? 'None'}</TableCell>
          <TableCell column="Organisation">{member.organisationName ?? 'None'}</TableCell>
          <TableCell column="Two-step verification">
            {member.mfaEnrolled ? 'Set up' : <strong className="tag tag--flush">Not set up</strong>}
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
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
