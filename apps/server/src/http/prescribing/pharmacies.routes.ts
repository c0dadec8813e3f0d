import { API, DirectoryImportRequest, DirectoryImportResult, NominateRequest, Nomination, PharmacySearchRequest, PharmacySearchResult } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as pharmacies from '../../services/pharmacies.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['pharmacies'];
/** A national directory or postcode extract is megabytes of CSV. */
const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

/** The pharmacy directory: nearest search, the patient's nomination, and the clinic admin's CSV imports. */
export function pharmaciesRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(API.pharmacySearch, {
    schema: { tags: TAGS, summary: 'The nearest pharmacies to a postcode or a location, nearest first (in the body, never the URL)', body: PharmacySearchRequest, response: { 200: PharmacySearchResult } },
    config: { access: { kind: 'signed-in', patientData: false } },
  }, async (req) => pharmacies.searchPharmacies(deps, req.ctx, requirePrincipal(req), req.body));

  r.get(API.myNominatedPharmacy, {
    schema: { tags: TAGS, summary: 'Your nominated pharmacy', response: { 200: Nomination } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => pharmacies.getNomination(deps, req.ctx, requirePrincipal(req)));

  r.put(API.myNominatedPharmacy, {
    schema: { tags: TAGS, summary: 'Nominate (or change) the pharmacy your prescriptions go to', body: NominateRequest, response: { 200: Nomination } },
    config: { access: { kind: 'signed-in', roles: ['patient'], patientData: true } },
  }, async (req) => pharmacies.nominatePharmacy(deps, req.ctx, requirePrincipal(req), req.body.pharmacyId));

  r.post(API.adminPharmacyImport, {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags: TAGS, summary: 'Import pharmacies from CSV (added or updated by ODS code)', body: DirectoryImportRequest, response: { 200: DirectoryImportResult } },
    config: { access: { kind: 'signed-in', roles: ['clinic_admin'], patientData: false } },
  }, async (req) => pharmacies.importPharmacies(deps, req.ctx, requirePrincipal(req), req.body.csv));

  r.post(API.adminPostcodeImport, {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags: TAGS, summary: 'Import postcode coordinates from CSV', body: DirectoryImportRequest, response: { 200: DirectoryImportResult } },
    config: { access: { kind: 'signed-in', roles: ['clinic_admin'], patientData: false } },
  }, async (req) => pharmacies.importPostcodes(deps, req.ctx, requirePrincipal(req), req.body.csv));
}
