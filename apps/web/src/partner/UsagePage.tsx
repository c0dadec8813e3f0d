import { API, type PartnerUsage } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { formatMonth } from '../format/date-format';

const COLUMNS = ['Month', 'Appointment type', 'Appointments'];

function UsageTable({ usage }: { usage: PartnerUsage }) {
  if (usage.items.length === 0) return <p>No appointments have been booked through your cover yet.</p>;
  return (
    <ResponsiveTable id="usage" caption="Appointments booked through your cover, by month and appointment type" columns={COLUMNS}>
      {usage.items.map((row) => (
        <tr role="row" key={`${row.month}:${row.appointmentTypeName}`}>
          <TableCell column="Month" rowHeader>
            {formatMonth(row.month)}
          </TableCell>
          <TableCell column="Appointment type">{row.appointmentTypeName}</TableCell>
          <TableCell column="Appointments">{row.appointments === null ? `Fewer than ${usage.minimumReported}` : row.appointments}</TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** How much the partner's cover is used: counts by month and appointment type, never who. */
export function UsagePage() {
  const { resource, reload } = useApiResource<PartnerUsage>(API.partnerUsage);
  return (
    <Page title="Usage">
      <AsyncContent resource={resource} loadingText="Loading usage…" failureText="Usage could not be loaded." onRetry={reload}>
        {(usage) => (
          <>
            <p>
              How many appointments your members have booked through your cover, by month and appointment type. Counts
              under {usage.minimumReported} are not shown, so that no member can be identified. You never see who booked,
              when, with whom, or why.
            </p>
            <UsageTable usage={usage} />
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
