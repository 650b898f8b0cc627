/**
 * The reader-visible text of an article — wikitext with references, templates and link markup
 * removed — split into sentences, to check that quotes are verbatim and to measure coverage.
 */
export function readableText(source: string, wikitext: boolean, keepTemplates = false): string {
  let text = source;
  if (wikitext) {
    text = text
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<ref[^>/]*\/>/gi, '')
      .replace(/<ref[^>]*>[\s\S]*?<\/ref>/gi, '')
      .replace(/\{\{\s*circa\s*\|\s*([^}|]+)\}\}/gi, 'c. $1')
      .replace(/\{\{\s*convert\s*\|\s*([\d.,]+)\s*\|\s*([a-z0-9]+)[^}]*\}\}/gi, '$1 $2');
    text = (keepTemplates ? text.replace(/<br\s*\/?>/gi, '\n') : stripTemplates(text))
      .replace(/\[\[(?:File|Image):[^\]]*(?:\[\[[^\]]*\]\][^\]]*)*\]\]/gi, '')
      .replace(/\[\[[^\]|]*\|([^\]]*)\]\]/g, '$1')
      .replace(/\[\[([^\]]*)\]\]/g, '$1')
      .replace(/\[https?:\/\/\S+\s+([^\]]*)\]/g, '$1')
      .replace(/'{2,}/g, '')
      .replace(/<[^>]+>/g, '');
  } else {
    text = text.replace(/\s*\[\d+\]/g, '');
  }
  return text;
}

function stripTemplates(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) {
      depth++;
      i++;
    } else if (depth > 0 && text.startsWith('}}', i)) {
      depth--;
      i++;
    } else if (depth === 0) {
      out += text[i];
    }
  }
  return out;
}

/** Lower case, one kind of quote and dash, single spaces: how quotes and sentences are compared. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—−]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATED = new RegExp(
  `\\b\\d{1,2}(?:[–-]\\d{1,2})? ${MONTH}\\b|\\b${MONTH} \\d{1,2}\\b|\\bon the (?:night|evening|morning|afternoon) of\\b`,
);

export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=["“A-Z0-9])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && !/^[=|*{}!]/.test(s));
}

export function isDated(sentence: string): boolean {
  return DATED.test(sentence);
}
