/** The problem answer (RFC 9457) the service gives instead of a view: any member may be missing. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** The signed-in editor's key: reads sent with it are not counted against a reader's budget of expensive reads. */
let readKey: string | undefined;

export function useKeyForReads(key: string | undefined): void {
  readKey = key;
}

/** GET of a JSON answer of the service; a problem answer becomes an error with its detail. */
export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const url = params.size ? `${path}?${params}` : path;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (readKey) headers.authorization = `Bearer ${readKey}`;
  const response = await fetch(url, { headers });
  const body: unknown = await response.json();
  if (!response.ok) {
    const problem = body as Problem;
    const errors = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(
      `${problem.title ?? response.status}${problem.detail ? `: ${problem.detail}` : ''}${errors ? ` (${errors})` : ''}`,
    );
  }
  return body as T;
}

export const campaignPath = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}`;
