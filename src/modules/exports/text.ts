import { esc } from '../../domain/xml.ts';
import type { Cell, Column, ExportSource } from './columns.ts';
import { displayCell, numericCell } from './columns.ts';

/**
 * The text formats: CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese correctly),
 * JSON (an array of objects keyed by column) and XML (one <row> a row, one element a column). JSON
 * and XML carry dates as ISO 8601 instants, the form other systems read; CSV as people read them.
 */

/** A CSV field: quoted when needed; text starting with = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvField(text: string, column?: Column): string {
  const safe = column?.type === 'text' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function* csv(src: ExportSource): AsyncGenerator<string> {
  yield `\uFEFF${src.columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  for await (const batch of src.batches)
    yield batch
      .map((row) => `${src.columns.map((c) => csvField(displayCell(c, row[c.key]), c)).join(',')}\r\n`)
      .join('');
}

function machineValue(column: Column, value: Cell | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'number') return numericCell(value);
  return value;
}

export async function* json(src: ExportSource): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of src.batches) {
    const parts = batch.map((row) => {
      const obj = Object.fromEntries(src.columns.map((c) => [c.key, machineValue(c, row[c.key])]));
      const text = `${first ? '' : ','}\n${JSON.stringify(obj)}`;
      first = false;
      return text;
    });
    yield parts.join('');
  }
  yield first ? ']\n' : '\n]\n';
}

export async function* xml(src: ExportSource, root: string): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<${root} title="${esc(src.title)}">\n`;
  for await (const batch of src.batches) {
    yield batch
      .map((row) => {
        const cells = src.columns.map((c) => {
          const v = machineValue(c, row[c.key]);
          return v === null ? `<${c.key} nil="true"/>` : `<${c.key}>${esc(String(v))}</${c.key}>`;
        });
        return `  <row>${cells.join('')}</row>\n`;
      })
      .join('');
  }
  yield `</${root}>\n`;
}
