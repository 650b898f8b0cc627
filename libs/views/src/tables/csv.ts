/** A table cell before it is written: empty when undefined or null. */
export type Cell = string | number | boolean | null | undefined;

/** One cell as RFC 4180 writes it, with a leading = + - @ defused so a spreadsheet does not read a formula. */
export function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A row of cells in the order of the columns, ending in a newline. */
export function csvLine<C extends string>(columns: readonly C[], row: Partial<Record<C, Cell>>): string {
  return `${columns.map((column) => csvCell(row[column])).join(',')}\n`;
}

/**
 * The records of an RFC 4180 table (quoted cells may hold commas, quotes and newlines), each as
 * its header's names to its cells. A cell that `csvCell` defused (`'=…`) is read back as written.
 */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift() ?? [];
  const rows = records
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, undefuse(cells[i] ?? '')])));
  return { header, rows };
}

function undefuse(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || cells.length) records.push([...cells, cell]);
  return records;
}
