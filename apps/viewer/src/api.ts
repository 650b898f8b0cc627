/** GET of a JSON answer of the service; a problem answer becomes an error with its detail. */
export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const url = params.size ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    const errors = (body.errors ?? []).map((e: { path: string; message: string }) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`${body.title ?? response.status}${body.detail ? `: ${body.detail}` : ''}${errors ? ` (${errors})` : ''}`);
  }
  return body as T;
}

export const campaignPath = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}`;
