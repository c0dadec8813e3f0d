import { API, type AppointmentType, type AppointmentTypeList, type Availability } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { LoadFailed } from '../components/LoadFailed';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { MODE_SHORT_LABELS } from '../format/appointment-labels';
import { useSignedInUser } from '../session/use-session';
import { AddLeaveOrExtraSessionForm } from './AddLeaveOrExtraSessionForm';
import { AddWeeklyHoursForm } from './AddWeeklyHoursForm';
import { typesForProfession } from './availability-forms';
import { LeaveAndExtraSessions } from './LeaveAndExtraSessions';
import { WeeklyHours } from './WeeklyHours';
import { CLINIC_TIME } from '../format/clinic-time';

function typeNamer(types: readonly AppointmentType[]) {
  const byId = new Map(types.map((t) => [t.id, t]));
  // Names are unique today; the mode is added only if two types ever share one.
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return (id: string | null): string => {
    const type = id ? byId.get(id) : undefined;
    if (!type) return 'Unknown appointment type';
    return (counts.get(type.name) ?? 0) > 1 ? `${type.name} (${MODE_SHORT_LABELS[type.mode]})` : type.name;
  };
}

/** When patients can book the clinician: weekly hours, and leave or extra sessions on particular days. */
export function AvailabilityPage() {
  const user = useSignedInUser();
  const availability = useApiResource<Availability>(API.myAvailability);
  const types = useApiResource<AppointmentTypeList>(API.appointmentTypes);
  const { resource: a } = availability;
  const { resource: t } = types;
  const loading = a.status === 'loading' || t.status === 'loading';

  function retry() {
    if (a.status === 'failed') availability.reload();
    if (t.status === 'failed') types.reload();
  }

  let content;
  if (a.status === 'failed' || t.status === 'failed') {
    const error = a.status === 'failed' ? a.error : t.status === 'failed' ? t.error : null;
    content = <LoadFailed what="Your availability could not be loaded." error={error} onRetry={retry} />;
  } else if (a.status === 'loading' || t.status === 'loading') {
    content = <Loading>Loading your availability…</Loading>;
  } else {
    const allTypes = t.data.items;
    const typeName = typeNamer(allTypes);
    const ownTypes = typesForProfession(allTypes, user.staff?.profession);
    content = (
      <>
        <WeeklyHours
          rules={a.data.rules}
          typeName={typeName}
          onRemoved={(id) => availability.update((d) => ({ ...d, rules: d.rules.filter((r) => r.id !== id) }))}
        />
        <AddWeeklyHoursForm
          types={ownTypes}
          typeName={typeName}
          onAdded={(rule) => availability.update((d) => ({ ...d, rules: [...d.rules, rule] }))}
        />
        <LeaveAndExtraSessions
          exceptions={a.data.exceptions}
          typeName={typeName}
          onRemoved={(id) => availability.update((d) => ({ ...d, exceptions: d.exceptions.filter((e) => e.id !== id) }))}
        />
        <AddLeaveOrExtraSessionForm
          types={ownTypes}
          onAdded={(exception) => availability.update((d) => ({ ...d, exceptions: [...d.exceptions, exception] }))}
        />
      </>
    );
  }

  return (
    <Page title="Availability">
      <p>
        Patients can book you in your weekly hours and in any extra sessions, but not while you are on leave. All times
        are {CLINIC_TIME}.
      </p>
      <div aria-busy={loading}>{content}</div>
    </Page>
  );
}
