/**
 * An id in the form `Slug` accepts, made from a name: accents dropped, lower case, every run of
 * other characters one dash (`Al-Rastan` → `al-rastan`). Zod-free, so the viewer's forms suggest
 * the ids the service makes (`@timeline/domain/ids`).
 */
export function slugFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
