import { useState, type FormEvent } from 'react';
import { API, type PartnerMember, type PartnerMemberList } from '@confide/contract';
import { useApi } from '../api/use-api';
import type { ApiResource } from '../api/use-api-resource';
import { AsyncContent } from '../components/AsyncContent';
import { CheckboxField } from '../components/CheckboxField';
import { RemovalNotice } from '../components/RemovalNotice';
import { RemoveButton } from '../components/RemoveButton';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { TableCell } from '../components/TableCell';
import { TextField } from '../components/TextField';
import { useRemoval, type Removal } from '../components/use-removal';
import { formatCalendarDate } from '../format/date-format';
import { fullName } from '../format/patient-format';
import { MEMBERS_PAGE_SIZE, type MemberQuery } from './member-query';

const COLUMNS = ['Member number', 'Name', 'Date of birth', 'Plan', 'Status', 'Actions'];

function MemberTable({ members, removal }: { members: PartnerMember[]; removal: Removal }) {
  const api = useApi();
  return (
    <ResponsiveTable id="members" caption="Members, in order of surname" captionHidden columns={COLUMNS}>
      {members.map((member) => (
        <tr role="row" key={member.memberNumber}>
          <TableCell column="Member number" rowHeader>
            {member.memberNumber}
          </TableCell>
          <TableCell column="Name">{fullName(member)}</TableCell>
          <TableCell column="Date of birth">{formatCalendarDate(member.dateOfBirth)}</TableCell>
          <TableCell column="Plan">{member.planName}</TableCell>
          <TableCell column="Status">{member.removedAt ? 'Removed' : 'Current'}</TableCell>
          <TableCell column="Actions">
            {member.removedAt ? (
              <span className="secondary-text">None</span>
            ) : (
              <RemoveButton
                removal={removal}
                id={member.memberNumber}
                label={member.memberNumber}
                request={() => api.delete(API.partnerMember(member.memberNumber))}
              />
            )}
          </TableCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

function membersShown(list: PartnerMemberList): string {
  return `Showing ${list.items.length} of ${list.total} ${list.total === 1 ? 'member' : 'members'}`;
}

interface MemberListProps {
  query: MemberQuery;
  onQueryChange: (query: MemberQuery) => void;
  members: ApiResource<PartnerMemberList>;
}

/** The member list: search, show removed members too, page through, and remove a member. */
export function MemberList({ query, onQueryChange, members }: MemberListProps) {
  const [searchText, setSearchText] = useState(query.search);
  const removal = useRemoval((memberNumber) =>
    members.update((list) =>
      query.includeRemoved
        ? { ...list, items: list.items.map((m) => (m.memberNumber === memberNumber ? { ...m, removedAt: new Date().toISOString() } : m)) }
        : { items: list.items.filter((m) => m.memberNumber !== memberNumber), total: list.total - 1 },
    ),
  );

  function change(next: MemberQuery) {
    onQueryChange(next);
    // The list (and a paging button that had focus) is replaced while it loads: continue from its heading.
    removal.headingRef.current?.focus();
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onQueryChange({ ...query, search: searchText.trim(), offset: 0 });
  }

  const page = Math.floor(query.offset / MEMBERS_PAGE_SIZE) + 1;

  return (
    <section aria-labelledby="member-list-heading">
      <h2 id="member-list-heading" tabIndex={-1} ref={removal.headingRef}>
        Member list
      </h2>
      <form onSubmit={search} noValidate className="form" role="search" aria-label="Member list">
        <TextField
          id="memberSearch"
          label="Search members"
          hint="Part of a name, or the start of a member number."
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={searchText}
          onChange={setSearchText}
          after={
            <button type="submit" className="button button--secondary button--inline">
              Search
            </button>
          }
        />
        <CheckboxField
          id="includeRemoved"
          label="Include removed members"
          checked={query.includeRemoved}
          onChange={(includeRemoved) => onQueryChange({ ...query, includeRemoved, offset: 0 })}
        />
      </form>
      <RemovalNotice message={removal.message} />
      <AsyncContent
        resource={members.resource}
        loadingText="Loading your members…"
        failureText="Your member list could not be loaded."
        onRetry={members.reload}
      >
        {(list) => {
          if (list.total === 0) {
            return <p role="status">{query.search ? 'No members match your search.' : 'You have no members yet.'}</p>;
          }
          const pages = Math.ceil(list.total / MEMBERS_PAGE_SIZE);
          return (
            <>
              <p role="status">
                {membersShown(list)}
                {pages > 1 && ` (page ${page} of ${pages})`}
              </p>
              <MemberTable members={list.items} removal={removal} />
              {pages > 1 && (
                <nav aria-label="Pages of the member list" className="action-row">
                  {query.offset > 0 && (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => change({ ...query, offset: Math.max(0, query.offset - MEMBERS_PAGE_SIZE) })}
                    >
                      Previous<span className="visually-hidden"> page of members</span>
                    </button>
                  )}
                  {query.offset + MEMBERS_PAGE_SIZE < list.total && (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => change({ ...query, offset: query.offset + MEMBERS_PAGE_SIZE })}
                    >
                      Next<span className="visually-hidden"> page of members</span>
                    </button>
                  )}
                </nav>
              )}
            </>
          );
        }}
      </AsyncContent>
    </section>
  );
}
