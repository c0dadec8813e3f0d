import {
  MEMBER_CSV_COLUMNS, MemberNumber, PartnerMemberInput, type MemberImportResult, type PartnerMemberList, type PartnerPlanList, type PartnerUsage,
} from '@confide/contract';
import { partnerResource, type Principal } from '@confide/domain';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { partnerRepository, type MemberValues } from '../db/repositories/partner.repository';
import type { PrincipalTx } from '../db/with-principal';
import { forbidden, ProblemError, type FieldError } from '../errors/problem-error';
import { asPrincipal, type Guard } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** Counts below this are not reported to partners: a smaller number could single out a member. */
export const MINIMUM_REPORTED_COUNT = 5;
const MAX_LISTED_ERRORS = 50;

type MemberChange =
  | { readonly kind: 'upsert'; readonly memberNumber: string; readonly member: z.output<typeof PartnerMemberInput> }
  | { readonly kind: 'remove'; readonly memberNumber: string };

/** Runs `fn` for the calling partner admin's own organisation, after the policy allows `action` on it. */
async function asPartnerAdmin<T>(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, action: 'partner-members.manage' | 'partner-usage.read',
  fn: (tx: PrincipalTx, partnerId: string, guard: Guard) => Promise<T>,
): Promise<T> {
  const partnerId = principal.organisationId;
  if (!partnerId) throw forbidden();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize(action, partnerResource(partnerId));
    return fn(tx, partnerId, guard);
  });
}

const invalid = (errors: FieldError[], detail: string) =>
  new ProblemError(422, 'The member list has problems', { code: 'invalid_members', detail, errors: errors.slice(0, MAX_LISTED_ERRORS) });

/**
 * Applies a batch of member changes in one transaction: all or nothing. Unknown plan codes are refused by name.
 * Counts what changed; a row identical to the stored member counts as unchanged.
 */
async function applyChanges(tx: PrincipalTx, partnerId: string, changes: readonly MemberChange[], fieldOf: (i: number, column: string) => string): Promise<MemberImportResult> {
  const plans = new Map((await partnerRepository.plans(tx, partnerId)).map((p) => [p.code, p.id]));
  const existing = await partnerRepository.memberIndex(tx, partnerId);
  const errors: FieldError[] = [];
  const toInsert: MemberValues[] = [];
  const toUpdate: MemberValues[] = [];
  const toRemove: string[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const key = c.memberNumber.toUpperCase();
    if (seen.has(key)) errors.push({ field: fieldOf(i, 'member_number'), message: `Member number ${c.memberNumber} appears more than once.` });
    seen.add(key);
    const current = existing.get(key);
    if (c.kind === 'remove') {
      if (current && !current.removed) toRemove.push(c.memberNumber);
      else unchanged++;
      return;
    }
    const planId = plans.get(c.member.plan);
    if (!planId) {
      errors.push({ field: fieldOf(i, 'plan'), message: `There is no plan with code "${c.member.plan}". Use one of: ${[...plans.keys()].join(', ')}.` });
      return;
    }
    const values: MemberValues = { memberNumber: current?.memberNumber ?? c.memberNumber, givenName: c.member.givenName, familyName: c.member.familyName, dateOfBirth: c.member.dateOfBirth, planId };
    if (!current) toInsert.push(values);
    else if (current.removed || current.givenName !== values.givenName || current.familyName !== values.familyName || current.dateOfBirth !== values.dateOfBirth || current.planId !== planId) toUpdate.push(values);
    else unchanged++;
  });
  if (errors.length > 0) throw invalid(errors, `Nothing was changed. Correct ${errors.length === 1 ? 'this problem' : `these ${errors.length} problems`} and try again.`);
  await partnerRepository.insertMembers(tx, partnerId, toInsert);
  await partnerRepository.updateMembers(tx, partnerId, toUpdate);
  const removed = await partnerRepository.removeMembers(tx, partnerId, toRemove);
  return { added: toInsert.length, updated: toUpdate.length, removed, unchanged };
}

async function auditChanges(tx: PrincipalTx, ctx: RequestContext, partnerId: string, result: MemberImportResult, via: string) {
  await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'partner-members', resourceId: partnerId, detail: { via, ...result } }]);
}

export async function listPlans(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PartnerPlanList['items']> {
  return asPartnerAdmin(deps, ctx, principal, 'partner-members.manage', (tx, partnerId) => partnerRepository.plans(tx, partnerId));
}

export async function listMembers(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, q: { search?: string | undefined; includeRemoved: boolean; limit: number; offset: number },
): Promise<PartnerMemberList> {
  return asPartnerAdmin(deps, ctx, principal, 'partner-members.manage', (tx, partnerId) => partnerRepository.members(tx, partnerId, q));
}

/** Adds or updates one member (PUT by member number): `created` tells which. */
export async function putMember(
  deps: ServiceDeps, ctx: RequestContext, principal: Principal, memberNumber: string, member: z.output<typeof PartnerMemberInput>,
): Promise<{ created: boolean }> {
  return asPartnerAdmin(deps, ctx, principal, 'partner-members.manage', async (tx, partnerId) => {
    const result = await applyChanges(tx, partnerId, [{ kind: 'upsert', memberNumber, member }], (_i, column) => (column === 'plan' ? 'body.plan' : 'params.memberNumber'));
    await auditChanges(tx, ctx, partnerId, result, 'api');
    return { created: result.added === 1 };
  });
}

/** Removes a member: they can no longer book through the partner. False if there was no current member. */
export async function removeMember(deps: ServiceDeps, ctx: RequestContext, principal: Principal, memberNumber: string): Promise<boolean> {
  return asPartnerAdmin(deps, ctx, principal, 'partner-members.manage', async (tx, partnerId) => {
    const result = await applyChanges(tx, partnerId, [{ kind: 'remove', memberNumber }], () => 'params.memberNumber');
    await auditChanges(tx, ctx, partnerId, result, 'api');
    return result.removed === 1;
  });
}

/** Reads a member-list CSV into changes, naming each problem by row and column (row 1 is the header). */
export function parseMemberCsv(text: string): MemberChange[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw invalid([{ field: line ? `row ${line}` : 'file', message: 'This line is not valid CSV (check quotes and the number of columns).' }], 'The file could not be read as CSV.');
  }
  const header = records.length > 0 ? Object.keys(records[0]!) : [];
  const missing = MEMBER_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0) throw invalid([{ field: 'file', message: `The file has no members. The first line must name the columns: ${MEMBER_CSV_COLUMNS.join(', ')}.` }], 'The file is empty.');
  if (missing.length > 0) throw invalid([{ field: 'header', message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.` }], `The first line must name the columns: ${MEMBER_CSV_COLUMNS.join(', ')} (and optionally action).`);
  const errors: FieldError[] = [];
  const changes: MemberChange[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const number = MemberNumber.safeParse(r.member_number ?? '');
    if (!number.success) errors.push({ field: `row ${row}.member_number`, message: number.error.issues[0]!.message });
    const action = (r.action ?? '').toLowerCase() || 'upsert';
    if (action !== 'upsert' && action !== 'remove') {
      errors.push({ field: `row ${row}.action`, message: 'Use "upsert" (add or update) or "remove", or leave it empty.' });
      return;
    }
    if (action === 'remove') {
      if (number.success) changes.push({ kind: 'remove', memberNumber: number.data });
      return;
    }
    const member = PartnerMemberInput.safeParse({ givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, plan: r.plan });
    if (!member.success) {
      const columnOf: Record<string, string> = { givenName: 'given_name', familyName: 'family_name', dateOfBirth: 'date_of_birth', plan: 'plan' };
      for (const issue of member.error.issues) {
        const column = columnOf[String(issue.path[0])] ?? String(issue.path[0]);
        errors.push({ field: `row ${row}.${column}`, message: column === 'date_of_birth' ? 'Use a date like 1980-04-23.' : issue.message });
      }
    }
    if (number.success && member.success) changes.push({ kind: 'upsert', memberNumber: number.data, member: member.data });
  });
  if (errors.length > 0) throw invalid(errors, `Nothing was changed. Correct ${errors.length === 1 ? 'this problem' : `these ${errors.length} problems`} and try again.`);
  return changes;
}

/** Loads a CSV member list: adds, updates and removes in one all-or-nothing transaction. */
export async function importMembers(deps: ServiceDeps, ctx: RequestContext, principal: Principal, csv: string): Promise<MemberImportResult> {
  const changes = parseMemberCsv(csv);
  return asPartnerAdmin(deps, ctx, principal, 'partner-members.manage', async (tx, partnerId) => {
    const result = await applyChanges(tx, partnerId, changes, (i, column) => `row ${i + 2}.${column}`);
    await auditChanges(tx, ctx, partnerId, result, 'csv');
    return result;
  });
}

/** Appointments through the partner by month and appointment type: counts only, small ones withheld. */
export async function usage(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<PartnerUsage> {
  return asPartnerAdmin(deps, ctx, principal, 'partner-usage.read', async (tx) => ({
    items: await partnerRepository.usage(tx),
    minimumReported: MINIMUM_REPORTED_COUNT,
  }));
}
