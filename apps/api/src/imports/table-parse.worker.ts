/**
 * The code of the thread that reads an uploaded spreadsheet. It runs with
 * `new Worker(TABLE_PARSE_WORKER, { eval: true })`, loads its packages, then
 * waits for one file (`{ bytes, kind, limits }`); it is plain CommonJS
 * kept as text: the API is bundled by webpack and a worker needs code it can
 * load on its own. Packages are required by the absolute paths the caller
 * resolved (`workerData.paths`).
 *
 * Order of checks, cheapest first, before anything is built in memory:
 * - XLSX: the zip's central directory (number of parts, declared sizes), then
 *   every part inflated as a stream and counted (sizes that lie are caught
 *   by yauzl's size validation and by our own count), the worksheets' `<row`
 *   tags counted on the way; only then does ExcelJS parse it.
 * - CSV: lines counted and measured on the raw bytes, then parsed.
 * - Both: columns and cell length on the parsed sheet.
 * A broken limit is answered as `{ limit, args }`; anything unreadable as
 * `{ unreadable: true }`.
 */
export const TABLE_PARSE_WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { Readable } = require('node:stream');
const { paths } = workerData;
const ExcelJS = require(paths.exceljs);
const yauzl = require(paths.yauzl);
let limits;

class Refusal { constructor(limit, args) { this.limit = limit; this.args = args || []; } }
const UNREADABLE = { unreadable: true };
const MB = 1024 * 1024;

function inspectZip(buffer) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(UNREADABLE);
      if (zip.entryCount > limits.maxEntries) return reject(new Refusal('maxZipEntries', [limits.maxEntries]));
      let declared = 0;
      let unpacked = 0;
      let settled = false;
      const finish = (outcome) => {
        if (settled) return;
        settled = true;
        zip.close();
        outcome ? reject(outcome) : resolve();
      };
      const tooBig = () => new Refusal('maxUnpackedSize', [limits.maxUnpackedBytes / MB]);
      zip.on('error', () => finish(UNREADABLE));
      zip.on('end', () => finish(null));
      zip.on('entry', (entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxUnpackedBytes) return finish(tooBig());
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName);
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) return finish(UNREADABLE);
          let rows = 0;
          let tail = '';
          stream.on('data', (chunk) => {
            unpacked += chunk.length;
            if (unpacked > limits.maxUnpackedBytes) {
              stream.destroy();
              return finish(tooBig());
            }
            if (!isSheet) return;
            const text = tail + chunk.toString('latin1');
            const found = text.match(/<row[\s>]/g);
            rows += found ? found.length : 0;
            tail = text.slice(-4); // a tag cut across two chunks is found in the next one
            if (rows > limits.maxRows + 1) {
              stream.destroy();
              return finish(new Refusal('maxRows', [limits.maxRows]));
            }
          });
          stream.on('error', (streamError) =>
            finish(/too many bytes/i.test(String(streamError && streamError.message)) ? tooBig() : UNREADABLE),
          );
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

function inspectCsv(buffer) {
  let lines = 0;
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(10, start);
    if (end === -1) end = buffer.length;
    if (end - start > limits.maxLineLength) throw new Refusal('maxLineLength', [limits.maxLineLength, lines + 1]);
    lines += 1;
    if (lines > limits.maxRows + 1) throw new Refusal('maxRows', [limits.maxRows]);
    start = end + 1;
  }
}

function cellText(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if (typeof value.text === 'string') return value.text; // hyperlinks
    if (Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result); // formulas: their last computed value
    return '';
  }
  return String(value).trim();
}

async function read(bytes, kind) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const workbook = new ExcelJS.Workbook();
  if (kind === 'xlsx') {
    await inspectZip(buffer);
    try {
      await workbook.xlsx.load(buffer);
    } catch {
      throw UNREADABLE;
    }
  } else {
    inspectCsv(buffer);
    const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
    try {
      // Every cell as the text it is: no guessing of dates or numbers (time zones shift dates).
      await workbook.csv.read(Readable.from([text]), { map: (value) => value });
    } catch {
      throw UNREADABLE;
    }
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw UNREADABLE;
  if (sheet.actualRowCount > limits.maxRows + 1) throw new Refusal('maxRows', [limits.maxRows]);
  if (sheet.columnCount > limits.maxColumns) throw new Refusal('maxColumns', [limits.maxColumns]);
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = [];
    for (let index = 0; index < values.length; index += 1) {
      const text = cellText(values[index]);
      if (text.length > limits.maxCellLength) throw new Refusal('maxCellLength', [limits.maxCellLength, rowNumber]);
      cells.push(text);
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

// Loaded and waiting: one file, then the thread is ended by its owner.
parentPort.once('message', (job) => {
  limits = job.limits;
  read(job.bytes, job.kind).then(
    (rows) => parentPort.postMessage({ rows }),
    (error) => parentPort.postMessage(error instanceof Refusal ? { limit: error.limit, args: error.args } : UNREADABLE),
  );
});
`;
