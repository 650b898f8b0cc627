import { useKeyForReads } from './api';

/** Whom a key signs in as, as `GET /me` answers. */
export interface Editor {
  name: string;
  role: 'editor' | 'admin';
}

/** A field the service refused, as its problem answer names it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A write the service refused: its status, title, detail and the fields it names. */
export class EditRefused extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fields: FieldProblem[],
  ) {
    super(`${title}${detail ? `: ${detail}` : ''}`);
  }

  /** The message for one field, if the service named it (its path or a path under it). */
  forField(path: string): string | undefined {
    return this.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  }
}

const KEY = 'timeline.editor-key';

/**
 * An editor's sign-in for this tab: the key is kept in the tab's session storage only (never in
 * the link, never in local storage), checked against `GET /me`, and sent as a bearer token with
 * every write. Readers never sign in, and nothing changes for them.
 */
export class EditorSession {
  private key: string | undefined;
  private who: Editor | undefined;
  private readonly listeners = new Set<(editor: Editor | undefined) => void>();

  get editor(): Editor | undefined {
    return this.who;
  }

  onChange(listener: (editor: Editor | undefined) => void): void {
    this.listeners.add(listener);
  }

  /** Signs in again with the key this tab kept, if there is one and it is still accepted. */
  async resume(): Promise<void> {
    const kept = sessionStorage.getItem(KEY);
    if (kept) await this.signIn(kept).catch(() => this.signOut());
  }

  /** Checks the key and keeps it for the tab; a key the service does not accept is an EditRefused. */
  async signIn(key: string): Promise<Editor> {
    const editor = await request<Editor>('GET', '/me', key.trim());
    this.key = key.trim();
    this.who = editor;
    sessionStorage.setItem(KEY, this.key);
    this.announce();
    return editor;
  }

  signOut(): void {
    this.key = undefined;
    this.who = undefined;
    sessionStorage.removeItem(KEY);
    this.announce();
  }

  /** A write with the editor's key; its refusal is an EditRefused naming the fields. */
  async send<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> {
    if (!this.key) throw new EditRefused(401, 'Not signed in', 'sign in with an editor key to change the record', []);
    return request<T>(method, path, this.key, body);
  }

  private announce(): void {
    useKeyForReads(this.key);
    for (const listener of this.listeners) listener(this.who);
  }
}

async function request<T>(method: string, path: string, key: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return answer as T;
  const fields = Array.isArray(answer.errors) ? (answer.errors as FieldProblem[]) : [];
  throw new EditRefused(
    response.status,
    typeof answer.title === 'string' ? answer.title : `HTTP ${response.status}`,
    typeof answer.detail === 'string' ? answer.detail : '',
    fields,
  );
}
