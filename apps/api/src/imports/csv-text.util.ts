/**
 * Rows of a CSV text (RFC 4180): cells split on commas, a quoted cell may hold commas, line
 * breaks and doubled quotes (`""`). Synchronous, for files the product ships (the
 * administrative divisions); an uploaded file goes through `readTable`, within its limits.
 * A byte-order mark is dropped; blank lines are skipped.
 */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0].trim() !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') endRow();
    else if (char === '\r' && input[i + 1] === '\n') {
      endRow();
      i++;
    } else cell += char;
  }
  if (quoted) throw new Error('CSV: a quoted cell is not closed');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
