import type { Action } from '@confide/domain';
import type { RequestMeta } from '../audit/audit-log';

export interface DecisionRecord {
  action: Action;
  allowed: boolean;
}

/** Per-request state the services add to: audit metadata, and every policy decision taken (checked on the way out). */
export interface RequestContext {
  readonly meta: RequestMeta;
  readonly decisions: DecisionRecord[];
}

export function newRequestContext(meta: RequestMeta): RequestContext {
  return { meta, decisions: [] };
}
