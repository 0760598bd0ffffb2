import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { checkFonts, notoSansFiles } from '../printing/fonts.ts';
import { PdfRenderer } from '../printing/render.ts';
import type { Column, ExportFormat, Row } from './columns.ts';
import { PDF_MAX_ROWS, writeExport } from './engine.ts';
import { ValidationError } from '../../errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'dvc-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const renderer = new PdfRenderer(checkFonts(notoSansFiles()));

const COLUMNS: Column[] = [
  { key: 'code', header: 'Mã hồ sơ', type: 'text' },
  { key: 'applicant', header: 'Người nộp', type: 'text' },
  { key: 'fee', header: 'Lệ phí', type: 'number' },
  { key: 'receivedAt', header: 'Ngày tiếp nhận', type: 'date' },
];
const ROWS: Row[] = [
  {
    code: 'H01.1-250905-0001',
    applicant: 'Nguyễn Thị Ánh, "Bến Nghé"',
    fee: 50000,
    receivedAt: new Date('2025-09-05T07:03:07Z'),
  },
  { code: 'H01.1-250905-0002', applicant: 'Trần Văn Lợi & <Cty>', fee: null, receivedAt: null },
];

/** The rows in two batches, as the job reads them. */
function source(rows: readonly Row[]) {
  return {
    title: 'Danh sách hồ sơ',
    columns: COLUMNS,
    batches: (async function* () {
      if (rows.length > 0) yield rows.slice(0, 1);
      if (rows.length > 1) yield rows.slice(1);
    })(),
  };
}
const write = (format: ExportFormat, rows: readonly Row[] = ROWS) =>
  writeExport(format, source(rows), { renderer, xmlRoot: 'dossiers' });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Converts with LibreOffice headless; the path of the file it wrote. */
function sofficeFile(file: string, to: string): string {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', to, '--outdir', out, file],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  const name =
    file
      .split('/')
      .at(-1)
      ?.replace(/\.\w+$/, `.${to.split(':')[0]}`) ?? '';
  return join(out, name);
}

const soffice = (file: string, to: string): string => readFileSync(sofficeFile(file, to), 'utf8');

describe('export writers', () => {
  it('csv: BOM, quoted fields, dates as DD/MM/YYYY HH:mm:ss in Vietnam time', async () => {
    assert.equal(
      text(await write('csv')),
      '\uFEFFMã hồ sơ,Người nộp,Lệ phí,Ngày tiếp nhận\r\n' +
        'H01.1-250905-0001,"Nguyễn Thị Ánh, ""Bến Nghé""",50000,05/09/2025 14:03:07\r\n' +
        'H01.1-250905-0002,Trần Văn Lợi & <Cty>,,\r\n',
    );
    const formula = text(
      await write('csv', [{ code: '=HYPERLINK("x")', applicant: '@SUM(A1)', fee: -5, receivedAt: null }]),
    );
    assert.match(formula, /\r\n"'=HYPERLINK\(""x""\)",'@SUM\(A1\),-5,\r\n$/);
    assert.equal(text(await write('csv', [])), '\uFEFFMã hồ sơ,Người nộp,Lệ phí,Ngày tiếp nhận\r\n');
  });

  it('json: objects keyed by column, ISO instants, an empty export is []', async () => {
    assert.deepEqual(JSON.parse(text(await write('json'))), [
      {
        code: 'H01.1-250905-0001',
        applicant: 'Nguyễn Thị Ánh, "Bến Nghé"',
        fee: 50000,
        receivedAt: '2025-09-05T07:03:07.000Z',
      },
      { code: 'H01.1-250905-0002', applicant: 'Trần Văn Lợi & <Cty>', fee: null, receivedAt: null },
    ]);
    assert.deepEqual(JSON.parse(text(await write('json', []))), []);
  });

  it('xml: escaped, nil for empty cells, an empty export is the root alone', async () => {
    assert.equal(
      text(await write('xml')),
      '<?xml version="1.0" encoding="UTF-8"?>\n<dossiers title="Danh sách hồ sơ">\n' +
        '  <row><code>H01.1-250905-0001</code><applicant>Nguyễn Thị Ánh, &quot;Bến Nghé&quot;</applicant><fee>50000</fee><receivedAt>2025-09-05T07:03:07.000Z</receivedAt></row>\n' +
        '  <row><code>H01.1-250905-0002</code><applicant>Trần Văn Lợi &amp; &lt;Cty&gt;</applicant><fee nil="true"/><receivedAt nil="true"/></row>\n' +
        '</dossiers>\n',
    );
    assert.equal(
      text(await write('xml', [])),
      '<?xml version="1.0" encoding="UTF-8"?>\n<dossiers title="Danh sách hồ sơ">\n</dossiers>\n',
    );
  });

  it('xlsx: reopened with exceljs, numbers as numbers and dates as date cells in Vietnam time', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await write('xlsx')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.ok(sheet);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    assert.deepEqual(values(1), ['Mã hồ sơ', 'Người nộp', 'Lệ phí', 'Ngày tiếp nhận']);
    // 07:03:07 UTC is 14:03:07 in Vietnam: the cell holds the wall-clock time people read there.
    assert.deepEqual(values(2), [
      'H01.1-250905-0001',
      'Nguyễn Thị Ánh, "Bến Nghé"',
      50000,
      new Date('2025-09-05T14:03:07Z'),
    ]);
    assert.equal(sheet.getCell('D2').type, ExcelJS.ValueType.Date);
    assert.equal(sheet.getCell('D2').numFmt, 'dd/mm/yyyy hh:mm:ss');
    assert.equal(sheet.getCell('C2').type, ExcelJS.ValueType.Number);
    // Empty cells stay empty (no text, no zero, no date).
    assert.deepEqual(values(3).slice(0, 2), ['H01.1-250905-0002', 'Trần Văn Lợi & <Cty>']);
    assert.equal(sheet.getCell('C3').type, ExcelJS.ValueType.Null);
    assert.equal(sheet.getCell('D3').type, ExcelJS.ValueType.Null);
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(Buffer.from(await write('xlsx', [])) as unknown as ArrayBuffer);
    assert.equal(empty.worksheets[0]?.rowCount, 1);
  });

  it('xlsx and ods: a calendar-day column is a date cell shown DD/MM/YYYY', async () => {
    const src = () => ({
      title: 'Thống kê truy cập',
      columns: [
        { key: 'day', header: 'Ngày', type: 'day' },
        { key: 'n', header: 'Số lượt', type: 'number' },
      ] satisfies Column[],
      batches: (async function* () {
        yield [{ day: '2024-03-02', n: 7 }];
      })(),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(await writeExport('xlsx', src(), { renderer })) as unknown as ArrayBuffer,
    );
    const cell = book.worksheets[0]?.getCell('A2');
    assert.deepEqual(cell?.value, new Date('2024-03-02T00:00:00Z'));
    assert.equal(cell?.numFmt, 'dd/mm/yyyy');
    const ods = strFromU8(
      unzipSync(await writeExport('ods', src(), { renderer }))['content.xml'] ?? new Uint8Array(),
    );
    assert.match(
      ods,
      /office:value-type="date" office:date-value="2024-03-02" table:style-name="DD"><text:p>02\/03\/2024</,
    );
  });

  for (const [format, mime] of [
    ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
  ] as const) {
    it(`${format}: a zip with the stored mimetype first and the Vietnamese text in content.xml`, async () => {
      const bytes = await write(format);
      // The first local file header names `mimetype`, stored (method 0), its content right after.
      assert.equal(text(bytes.subarray(30, 38)), 'mimetype');
      assert.equal(bytes[8], 0);
      assert.equal(text(bytes.subarray(38, 38 + mime.length)), mime);
      const files = unzipSync(bytes);
      assert.ok(files['META-INF/manifest.xml']);
      const content = strFromU8(files['content.xml'] ?? new Uint8Array());
      assert.match(content, /Nguyễn Thị Ánh, &quot;Bến Nghé&quot;/);
      assert.match(content, /Ngày tiếp nhận/);
      if (format === 'ods')
        assert.match(
          content,
          /office:value-type="date" office:date-value="2025-09-05T14:03:07" table:style-name="DT"/,
        );
    });
  }

  it('ods and odt open and convert with LibreOffice headless (also when empty)', async () => {
    const ods = join(dir, 'list.ods');
    writeFileSync(ods, await write('ods'));
    const sheet = soffice(ods, 'csv:Text - txt - csv (StarCalc):44,34,76');
    assert.match(sheet, /^Mã hồ sơ,Người nộp,Lệ phí,Ngày tiếp nhận/);
    assert.match(sheet, /H01\.1-250905-0001,"Nguyễn Thị Ánh, ""Bến Nghé""",50000,05\/09\/2025 14:03:07/);
    // The date is a date cell for LibreOffice too: converted to .xlsx, it reopens as a date.
    const asXlsx = new ExcelJS.Workbook();
    await asXlsx.xlsx.readFile(sofficeFile(ods, 'xlsx'));
    const date = asXlsx.worksheets[0]?.getCell('D2');
    assert.deepEqual(date?.value, new Date('2025-09-05T14:03:07Z'));
    assert.equal(asXlsx.worksheets[0]?.getCell('C2').value, 50000);
    const emptyOds = join(dir, 'empty.ods');
    writeFileSync(emptyOds, await write('ods', []));
    assert.equal(
      soffice(emptyOds, 'csv:Text - txt - csv (StarCalc):44,34,76').trim(),
      'Mã hồ sơ,Người nộp,Lệ phí,Ngày tiếp nhận',
    );
    const odt = join(dir, 'list.odt');
    writeFileSync(odt, await write('odt'));
    const doc = soffice(odt, 'txt:Text (encoded):UTF8');
    assert.match(doc, /Danh sách hồ sơ/);
    assert.match(doc, /Trần Văn Lợi & <Cty>/);
  });

  it('docx: content types, relationships and the rows in word/document.xml', async () => {
    const files = unzipSync(await write('docx'));
    assert.match(
      strFromU8(files['[Content_Types].xml'] ?? new Uint8Array()),
      /wordprocessingml\.document\.main\+xml/,
    );
    assert.match(strFromU8(files['_rels/.rels'] ?? new Uint8Array()), /Target="word\/document\.xml"/);
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    assert.match(doc, /<w:t xml:space="preserve">Trần Văn Lợi &amp; &lt;Cty&gt;<\/w:t>/);
    assert.match(doc, /05\/09\/2025 14:03:07/);
    const empty = strFromU8(unzipSync(await write('docx', []))['word/document.xml'] ?? new Uint8Array());
    assert.equal(empty.match(/<w:tr>/g)?.length, 1);
  });

  it(`pdf: refused beyond ${PDF_MAX_ROWS} rows, naming the format field`, async () => {
    const many = Array.from({ length: PDF_MAX_ROWS + 1 }, (_, i) => ({
      code: `H-${i}`,
      applicant: 'A',
      fee: 1,
      receivedAt: null,
    }));
    await assert.rejects(write('pdf', many), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.equal(err.fields[0]?.field, 'format');
      assert.match(err.message, /Định dạng \(format\) PDF/);
      return true;
    });
  });

  it('pdf: pdftotext reads the headers and rows', async () => {
    const file = join(dir, 'list.pdf');
    writeFileSync(file, await write('pdf'));
    const out = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    for (const s of [
      'Danh sách hồ sơ',
      'Mã hồ sơ',
      'H01.1-250905-0002',
      'Nguyễn Thị Ánh',
      '05/09/2025 14:03:07',
    ])
      assert.ok(out.includes(s), `${s} in ${out}`);
  });
});
