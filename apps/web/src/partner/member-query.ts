import { API } from '@confide/contract';

/** Members shown per page of the list. */
export const MEMBERS_PAGE_SIZE = 50;

export interface MemberQuery {
  /** Part of a name or a member number; empty for everyone. */
  search: string;
  includeRemoved: boolean;
  offset: number;
}

export const FIRST_MEMBERS_PAGE: MemberQuery = { search: '', includeRemoved: false, offset: 0 };

export function membersPath(query: MemberQuery): string {
  const params = new URLSearchParams({
    includeRemoved: String(query.includeRemoved),
    limit: String(MEMBERS_PAGE_SIZE),
    offset: String(query.offset),
  });
  if (query.search) params.set('search', query.search);
  return `${API.partnerMembers}?${params.toString()}`;
}
