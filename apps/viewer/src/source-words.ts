/** How many words of a title go into a new source's id: enough to tell a day's reports apart. */
const TITLE_WORDS = 4;

/**
 * An id for a source registered from the viewer, in the campaign's style
 * (`sohr-2024-12-06-rastan`): publisher, date and the first words of the title, as a slug —
 * lower case, digits and single dashes, accents dropped.
 */
export function newSourceId(publisher: string, date: string, title: string): string {
  const words = slugWords(title).slice(0, TITLE_WORDS);
  return [...slugWords(publisher), ...(date ? [date] : []), ...words].join('-').slice(0, 120).replace(/-+$/, '');
}

function slugWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’ʿʾ]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
