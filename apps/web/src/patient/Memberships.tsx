import type { Membership, MyAccess } from '@confide/contract';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { AddMembershipForm } from './AddMembershipForm';

const COLUMNS = ['Insurer or employer', 'Plan', 'Member number', 'Status'];

function MembershipTable({ memberships }: { memberships: Membership[] }) {
  return (
    <ResponsiveTable id="memberships" caption="Your memberships" captionHidden columns={COLUMNS}>
      {memberships.map((membership) => (
        <tr role="row" key={membership.id}>
          <TableCell column="Insurer or employer" rowHeader>
            {membership.partnerName}
          </TableCell>
          <TableCell column="Plan">{membership.planName}</TableCell>
          <TableCell column="Member number">{membership.memberNumber}</TableCell>
          <TableCell column="Status">
            {membership.active ? 'Active' : 'Ended: you can no longer book through this membership'}
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

interface MembershipsProps {
  memberships: Membership[];
  onChanged: (access: MyAccess) => void;
}

/** The patient's insurer or employer memberships, and a form to add one. */
export function Memberships({ memberships, onChanged }: MembershipsProps) {
  return (
    <section>
      <h2 id="memberships-heading">Insurer or employer membership</h2>
      <p>
        If your health insurer or employer pays for appointments with us, add your membership. The appointments your plan
        covers are then free for you to book.
      </p>
      {memberships.length === 0 ? <p>You have not added a membership yet.</p> : <MembershipTable memberships={memberships} />}
      <AddMembershipForm memberships={memberships} onAdded={onChanged} />
    </section>
  );
}
