import type { DirectoryImportResult, Nomination, PharmacySearchRequest, PharmacySearchResult } from '@confide/contract';
import { CLINIC, patientResource, type Principal } from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { pharmacyRepository } from '../db/repositories/pharmacy.repository';
import { fieldError, notFound, ProblemError } from '../errors/problem-error';
import { normalisePostcode, parsePharmacyCsv, parsePostcodeCsv } from '../prescribing/directory-import';
import { localDayAndTime } from '../prescribing/opening-hours';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** The nearest pharmacies to a postcode or a point, nearest first, optionally only those open now. Not patient data. */
export async function searchPharmacies(deps: ServiceDeps, ctx: RequestContext, principal: Principal, q: PharmacySearchRequest, now = new Date()): Promise<PharmacySearchResult> {
  return asPrincipal(deps, ctx, principal, async (tx) => {
    let point = q.latitude !== undefined && q.longitude !== undefined ? { latitude: q.latitude, longitude: q.longitude } : null;
    if (q.postcode !== undefined) {
      point = await pharmacyRepository.postcodePoint(tx, normalisePostcode(q.postcode));
      if (!point) {
        throw new ProblemError(404, 'Postcode not found', {
          code: 'postcode_unknown', detail: 'We could not find that postcode. Check it, or use your location.',
          errors: [{ field: 'body.postcode', message: 'We could not find that postcode. Check it, or use your location.' }],
        });
      }
    }
    // Opening hours are local times: "open now" is judged at the clinic's local weekday and time.
    const found = await pharmacyRepository.nearest(tx, point!, q.limit, localDayAndTime(now, deps.config.clinicTimeZone), q.openNow);
    return { results: found.map((f) => ({ ...f, distanceKm: Math.round(f.distanceKm * 100) / 100 })) };
  });
}

export async function getNomination(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<Nomination> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('pharmacy-nomination.read', patientResource(patientId), patientId, 'pharmacy-nomination');
    const n = await pharmacyRepository.nomination(tx, patientId);
    return { pharmacy: n?.pharmacy ?? null, nominatedAt: n?.nominatedAt ?? null };
  });
}

/** The patient nominates (or changes) the pharmacy their prescriptions go to. */
export async function nominatePharmacy(deps: ServiceDeps, ctx: RequestContext, principal: Principal, pharmacyId: string): Promise<Nomination> {
  const patientId = principal.patientId;
  if (!patientId) throw notFound();
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('pharmacy-nomination.manage', patientResource(patientId), patientId, 'pharmacy-nomination');
    const pharmacy = await pharmacyRepository.find(tx, pharmacyId);
    if (!pharmacy) throw fieldError('body.pharmacyId', 'Choose a pharmacy from the search results.');
    await pharmacyRepository.nominate(tx, patientId, pharmacyId);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'pharmacy-nomination', resourceId: patientId, patientId, detail: { pharmacyId } }]);
    const n = (await pharmacyRepository.nomination(tx, patientId))!;
    return { pharmacy: n.pharmacy, nominatedAt: n.nominatedAt };
  });
}

export async function importPharmacies(deps: ServiceDeps, ctx: RequestContext, principal: Principal, csv: string): Promise<DirectoryImportResult> {
  const { pharmacies, rejected } = parsePharmacyCsv(csv);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('pharmacy-directory.manage', CLINIC);
    await pharmacyRepository.upsert(tx, pharmacies);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'pharmacy-directory', detail: { imported: pharmacies.length, rejected: rejected.length } }]);
    return { imported: pharmacies.length, rejected };
  });
}

export async function importPostcodes(deps: ServiceDeps, ctx: RequestContext, principal: Principal, csv: string): Promise<DirectoryImportResult> {
  const { postcodes, rejected } = parsePostcodeCsv(csv);
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('pharmacy-directory.manage', CLINIC);
    await pharmacyRepository.upsertPostcodes(tx, postcodes);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'postcode-directory', detail: { imported: postcodes.length, rejected: rejected.length } }]);
    return { imported: postcodes.length, rejected };
  });
}
