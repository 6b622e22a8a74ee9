/**
 * The bytes behind the sandbox's signed document links: for each generated
 * document a small file of the type its extension names (a one-page PDF, a
 * Word document, an Excel workbook, ...) that says which document it stands
 * for, with the content type and a `Content-Disposition` carrying the
 * document's own filename, so a download opens in the right application.
 */
import { create as contentDisposition } from 'content-disposition';
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DocumentFile {
  body: Uint8Array<ArrayBuffer>;
  headers: { 'content-type': string; 'content-disposition': string };
}

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXCEL = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: WORD,
  xlsx: EXCEL,
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/** The content type a filename's extension calls for (`application/octet-stream` when unknown). */
export function contentTypeOf(filename: string): string {
  return TYPES[extensionOf(filename)] ?? 'application/octet-stream';
}

/** The file served for a document: `folder` and `filename` are what the API lists. */
export function documentFile(folder: string, filename: string): DocumentFile {
  const title = filename || 'Untitled document';
  const lines = [title, `Folder: ${folder || '/'}`, 'A sample file from the PaperOS sandbox.'];
  const ext = extensionOf(filename);
  const body =
    ext === 'pdf'
      ? pdf(lines)
      : ext === 'docx'
        ? docx(lines)
        : ext === 'xlsx'
          ? xlsx(lines)
          : ext === 'json'
            ? strToU8(JSON.stringify({ lines }))
            : strToU8(`${lines.join('\n')}\n`);
  return {
    // fflate types its output over any ArrayBufferLike; a Response body wants an ArrayBuffer-backed view
    body: new Uint8Array(body),
    headers: {
      'content-type': contentTypeOf(filename),
      // a non-ASCII name goes in filename* (RFC 8187) with an ASCII fallback
      'content-disposition': contentDisposition(title),
    },
  };
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** A one-page PDF 1.4 with the lines in Helvetica; offsets in the xref table are byte-exact. */
function pdf(lines: string[]): Uint8Array {
  // Helvetica's built-in encoding is Latin: anything outside printable ASCII becomes '?'.
  const text = (s: string) => `(${s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&')})`;
  const stream = ['BT /F1 14 Tf 72 760 Td 18 TL', ...lines.map((line) => `${text(line)} Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII, so string offsets are byte offsets.
  return strToU8(out);
}

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** An Office Open XML package: the parts plus [Content_Types].xml and the root relationship. */
function ooxml(mainPart: string, mainType: string, parts: Record<string, string>, overrides: string[]): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${mainPart}" ContentType="${mainType}"/>${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="${mainPart}"/></Relationships>`,
    ),
  };
  for (const [name, content] of Object.entries(parts)) files[name] = strToU8(content);
  // A fixed timestamp: the same document gives the same bytes.
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}

function docx(lines: string[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphs = lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${xml(line)}</w:t></w:r></w:p>`);
  return ooxml(
    'word/document.xml',
    `${WORD}.main+xml`,
    {
      'word/document.xml': `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}</w:body></w:document>`,
    },
    [],
  );
}

function xlsx(lines: string[]): Uint8Array {
  const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rows = lines.map(
    (line, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${xml(line)}</t></is></c></row>`,
  );
  return ooxml(
    'xl/workbook.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    {
      'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${S}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `${XML_HEAD}<worksheet xmlns="${S}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    },
    [
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    ],
  );
}
