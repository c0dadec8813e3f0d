import { Link } from 'react-router';
import { API, type MyAccess } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { Memberships } from './Memberships';
import { NhsRegistration } from './NhsRegistration';
import { BOOK_PATH } from './patient-paths';

/** How the patient may pay for appointments: NHS registration with the practice, and insurer or employer memberships. */
export function AccessPage() {
  const { resource, reload, update } = useApiResource<MyAccess>(API.myAccess);
  const changed = (access: MyAccess) => update(() => access);

  return (
    <Page title="NHS and memberships">
      <p>
        Appointments are free through the NHS once you are registered with the practice, or through an insurer or
        employer membership that covers them. Some can also be paid for privately. You choose how to pay when you{' '}
        <Link to={BOOK_PATH}>book an appointment</Link>.
      </p>
      <AsyncContent
        resource={resource}
        loadingText="Loading your NHS registration and memberships…"
        failureText="Your NHS registration and memberships could not be loaded."
        onRetry={reload}
      >
        {(access) => (
          <>
            <NhsRegistration nhs={access.nhs} onChanged={changed} />
            <Memberships memberships={access.memberships} onChanged={changed} />
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
