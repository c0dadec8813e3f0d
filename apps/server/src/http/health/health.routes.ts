import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/service-deps';

export function healthRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/healthz', {
    schema: { tags: ['health'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { access: { kind: 'public', reason: 'liveness probe' } },
  }, async () => ({ status: 'ok' as const }));

  r.get('/readyz', {
    schema: { tags: ['health'], summary: 'The database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable') }) } },
    config: { access: { kind: 'public', reason: 'readiness probe' } },
  }, async (_req, reply) => {
    try {
      await deps.dbs.app.query('SELECT 1');
      return { status: 'ready' as const };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const });
    }
  });
}
