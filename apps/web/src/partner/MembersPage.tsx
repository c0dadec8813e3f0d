import { useState } from 'react';
import { API, type PartnerMemberList, type PartnerPlanList } from '@confide/contract';
import { useApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { Page } from '../components/Page';
import { FIRST_MEMBERS_PAGE, membersPath, type MemberQuery } from './member-query';
import { MemberForm } from './MemberForm';
import { MemberList } from './MemberList';
import { UploadMemberListForm } from './UploadMemberListForm';

/** The partner's member list: upload it whole as CSV, add or update one member, search it and remove members. */
export function MembersPage() {
  const [query, setQuery] = useState<MemberQuery>(FIRST_MEMBERS_PAGE);
  const members = useApiResource<PartnerMemberList>(membersPath(query));
  const plans = useApiResource<PartnerPlanList>(API.partnerPlans);
  const { reload } = members;

  return (
    <Page title="Your members">
      <p>
        The people your organisation covers. A member adds their membership on Confide with their member number and date
        of birth, then can book the appointments their plan covers. Once you remove a member, they can no longer book
        through you.
      </p>
      <AsyncContent resource={plans.resource} loadingText="Loading your plans…" failureText="Your plans could not be loaded." onRetry={plans.reload}>
        {({ items }) => (
          <>
            <UploadMemberListForm plans={items} onLoaded={reload} />
            <MemberForm plans={items} onSaved={reload} />
          </>
        )}
      </AsyncContent>
      <MemberList query={query} onQueryChange={setQuery} members={members} />
    </Page>
  );
}
