import { API, RevokeSigningKeyRequest, RevokeSigningKeyResult, SigningKey, SigningKeyList } from '@confide/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as keys from '../../services/signing-keys.service';
import type { ServiceDeps } from '../../services/service-deps';
import { requirePrincipal } from '../route-access';

const TAGS = ['signing keys'];
const KeyParams = z.object({ keyId: z.uuid('Use a signing key id from the list.') });
const PRESCRIBER = { kind: 'signed-in', roles: ['clinician'], patientData: false } as const;
const ADMIN = { kind: 'signed-in', roles: ['clinic_admin'], patientData: false } as const;

/** Prescribers replace their own signing key; clinic admins revoke one that may be compromised. */
export function signingKeysRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(API.mySigningKeys, {
    schema: { tags: TAGS, summary: 'Your prescription-signing keys, the one in use first', response: { 200: SigningKeyList } },
    config: { access: PRESCRIBER },
  }, async (req) => keys.listMySigningKeys(deps, req.ctx, requirePrincipal(req)));

  r.post(API.mySigningKeys, {
    schema: { tags: TAGS, summary: 'Replace your signing key (needs a code confirmed in the last 5 minutes); what the old one signed still verifies', response: { 201: SigningKey } },
    config: { access: PRESCRIBER },
  }, async (req, reply) => reply.code(201).send(await keys.replaceMySigningKey(deps, req.ctx, requirePrincipal(req))));

  r.get(API.adminSigningKeys, {
    schema: { tags: TAGS, summary: 'Every prescriber’s signing keys (public halves)', response: { 200: SigningKeyList } },
    config: { access: ADMIN },
  }, async (req) => keys.listSigningKeys(deps, req.ctx, requirePrincipal(req)));

  r.post('/api/v1/admin/signing-keys/:keyId/revoke', {
    schema: { tags: TAGS, summary: 'Revoke a signing key that may be compromised: what it signed that is not yet dispensed can no longer be', params: KeyParams, body: RevokeSigningKeyRequest, response: { 200: RevokeSigningKeyResult } },
    config: { access: ADMIN },
  }, async (req) => keys.revokeSigningKey(deps, req.ctx, requirePrincipal(req), req.params.keyId, req.body.reason));
}
