import { CSRF_HEADER, type Problem } from '@confide/contract';
import { ApiProblem } from './api-problem';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own content type, such as a CSV file as `text/csv`. */
  text?: { content: string; contentType: string };
  /** The session's CSRF token; sent on every state-changing request while signed in. */
  csrfToken?: string | null;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const body = await readJson(response);
  const problem: Problem = isProblem(body)
    ? body
    : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status };
  return new ApiProblem(problem, retryAfter(response));
}

/** A successful answer and its status, for when the status means something (PUT: 201 created, 200 replaced). */
export interface ApiResponse<T> {
  status: number;
  data: T;
}

function requestBody(options: RequestOptions): { contentType: string; content: string } | undefined {
  if (options.text) return options.text;
  if (options.body !== undefined) return { contentType: 'application/json', content: JSON.stringify(options.body) };
  return undefined;
}

/**
 * The one way the web app talks to the API: JSON in (or text, such as CSV) and JSON out, the session cookie
 * sent same-origin, the CSRF header on writes, and every error thrown as an `ApiProblem`.
 */
export async function apiResponse<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const body = requestBody(options);
  if (body) headers['content-type'] = body.contentType;
  if (method !== 'GET' && options.csrfToken) headers[CSRF_HEADER] = options.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body?.content,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiProblem.network();
  }

  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return { status: 204, data: undefined as T };
  return { status: response.status, data: (await readJson(response)) as T };
}

/** `apiResponse` for when only the answer matters. */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiResponse<T>(method, path, options)).data;
}
