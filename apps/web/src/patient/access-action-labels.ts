import type { AccessLogEntry, AuditAction } from '@confide/contract';

/** What each kind of access means, in plain English for the patient whose data it was. */
export const ACCESS_ACTION_LABELS: Record<AuditAction, string> = {
  presented: 'Saw your name in a list',
  viewed: 'Looked at your details',
  created: 'Added information',
  updated: 'Changed your details',
  deleted: 'Removed information',
  denied: 'Tried to see your details but was stopped',
  login: 'Signed in',
  login_failed: 'Tried to sign in, but it failed',
  logout: 'Signed out',
};

export const ACCESS_OUTCOME_LABELS: Record<AccessLogEntry['outcome'], string> = {
  success: 'Allowed',
  denied: 'Stopped',
  failure: 'Did not work',
};
