import { ROLE_LABELS } from '@confide/domain';
import type { Me } from '@confide/contract';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { ORGANISATION_KIND_LABELS, PROFESSION_LABELS } from '../format/staff-labels';

/** A staff member's own details: who they are, their registration and where they work. */
export function StaffDetails({ user }: { user: Me }) {
  const staff = user.staff;
  const rows: SummaryRow[] = [
    { term: 'Name', value: user.displayName },
    { term: 'Email address', value: <span className="break-anywhere">{user.email}</span> },
    { term: 'Role', value: ROLE_LABELS[user.role] },
  ];
  if (staff?.profession) rows.push({ term: 'Profession', value: PROFESSION_LABELS[staff.profession] });
  if (staff?.registrationNumber) rows.push({ term: 'Registration number', value: staff.registrationNumber });
  rows.push({
    term: 'Organisation',
    value: staff?.organisation
      ? `${staff.organisation.name} (${ORGANISATION_KIND_LABELS[staff.organisation.kind]})`
      : 'Not linked to an organisation',
  });
  rows.push({
    term: 'Two-step verification',
    value: user.mfa.enrolled ? 'Set up' : 'Not set up',
  });

  return (
    <section>
      <h2 id="your-details-heading">Your details</h2>
      <SummaryList rows={rows} />
    </section>
  );
}
