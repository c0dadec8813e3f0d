import type { FastifyReply } from 'fastify';

/** `__Host-`: Secure, Path=/ and no Domain, so no subdomain or plain-HTTP page can set or read it. */
export const SESSION_COOKIE = '__Host-confide_session';

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}
