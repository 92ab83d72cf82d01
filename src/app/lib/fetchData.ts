/**
 * Fetches one dataset file and validates it against its schema: the one
 * place where the client lets data in. Failures become typed errors that the
 * pages turn into a localised message (never a crash deep in a component).
 */
import * as v from 'valibot';

export type DataErrorKind = 'not-found' | 'network' | 'invalid';

export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly url: string;
  constructor(kind: DataErrorKind, url: string, detail?: string) {
    super(`${kind}: ${url}${detail ? ` (${detail})` : ''}`);
    this.name = 'DataError';
    this.kind = kind;
    this.url = url;
  }
}

export function isDataError(e: unknown, kind?: DataErrorKind): e is DataError {
  return e instanceof DataError && (kind === undefined || e.kind === kind);
}

export async function fetchData<S extends v.GenericSchema>(url: string, schema: S, signal?: AbortSignal, cache?: RequestCache): Promise<v.InferOutput<S>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal, ...(cache && { cache }) });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DataError('network', url, String(e));
  }
  if (res.status === 404 || res.status === 410) throw new DataError('not-found', url);
  if (!res.ok) throw new DataError('network', url, `HTTP ${res.status}`);
  // A static host's SPA fallback may answer a missing file with index.html.
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/html')) throw new DataError('not-found', url, 'HTML instead of JSON');
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DataError('invalid', url, 'not JSON');
  }
  let parsed: v.SafeParseResult<S>;
  try {
    parsed = v.safeParse(schema, json, { abortEarly: true });
  } catch (e) {
    // A pathological file (say, hundreds of thousands of bad items) can exhaust the validator itself.
    throw new DataError('invalid', url, String(e));
  }
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new DataError('invalid', url, `${v.getDotPath(issue) ?? ''}: ${issue.message}`);
  }
  return parsed.output;
}
