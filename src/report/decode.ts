/**
 * Turns the bytes of an opened or dropped file into text, the way Windows tools write them:
 * UTF-16 LE with a byte-order mark (Windows PowerShell 5.1's `>` and `Out-File`), UTF-8 with or
 * without one (PowerShell 7, `-Encoding UTF8`), or the ANSI code page, Windows-1252
 * (`Export-Csv` in 5.1 without `-Encoding`). Files that are not text at all (a workbook, an
 * archive, a PDF, an image) get a message saying what they look like. Pure and total.
 *
 * Windows-1252 is decoded and encoded here, not by `TextDecoder`: Node 20's decoder maps bytes
 * 0x80–0x9F to control characters instead of `€`, `‘`, `’`, `“`, `”`, `–`, `—`…
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  ok: true
  text: string
  encoding: Encoding
  /** Whether the file started with a byte-order mark (kept when the file is written back). */
  bom: boolean
}

export interface NotText {
  ok: false
  /** What the file seems to be and what to do instead, in one or two sentences. */
  message: string
}

/** The largest file either tool reads: far beyond any batch export, well below a tab's memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** How the page names an encoding to the user. */
export function encodingLabel(encoding: Encoding, bom: boolean): string {
  const name = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1252': 'Windows-1252 (ANSI)',
  }[encoding]
  return bom ? `${name} with a byte-order mark` : name
}

const ARCHIVE =
  'an Excel workbook (.xlsx) or another zip archive. Save the sheet as CSV (in Excel: Save As › CSV UTF-8) and open that file instead.'

/** File signatures of things people drop by mistake. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: ARCHIVE },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: ARCHIVE },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Excel workbook (.xls) or another Office document. Save the sheet as CSV and open that file instead.',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a text export.' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive. Unpack it and open the CSV or text file inside.' },
  {
    bytes: [0x37, 0x7a, 0xbc, 0xaf],
    what: 'a 7-Zip archive. Unpack it and open the CSV or text file inside.',
  },
  {
    bytes: [0x52, 0x61, 0x72, 0x21],
    what: 'a RAR archive. Unpack it and open the CSV or text file inside.',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not a text export.' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not a text export.' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image, not a text export.' },
]

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)

/** Windows-1252's bytes 0x80–0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes: number[] = []
    for (const b of bytes.subarray(at, at + CHUNK))
      codes.push(b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b)
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

let cp1252Back: Map<number, number> | null = null

/**
 * Encodes text as Windows-1252; a character it has no byte for becomes `?` (never in practice:
 * a file read as Windows-1252 only holds its characters, and fixes add only ASCII).
 */
function encodeWindows1252(text: string): Uint8Array<ArrayBuffer> {
  if (!cp1252Back) {
    cp1252Back = new Map()
    CP1252_HIGH.forEach((code, i) => cp1252Back?.set(code, 0x80 + i))
  }
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (cp1252Back.get(c) ?? 0x3f)
  }
  return out
}

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * The share of characters no text export holds: control characters other than tab and line
 * breaks, replacement characters (bytes that were no valid UTF-8), private-use characters and
 * lone surrogates (what random bytes read as UTF-16 become).
 */
function oddShare(text: string): number {
  const sample = text.slice(0, 65536)
  if (!sample) return 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = sample.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else odd++
    } else if (
      (c < 32 && c !== 9 && c !== 10 && c !== 13) ||
      c === 0x7f ||
      c === 0xfffd ||
      (c >= 0xdc00 && c <= 0xdfff) ||
      (c >= 0xe000 && c <= 0xf8ff)
    )
      odd++
  }
  return odd / sample.length
}

/** NUL characters: no text file outside UTF-16 has them, random bytes have one in 256. */
function nulShare(text: string): number {
  const sample = text.slice(0, 65536)
  let nul = 0
  for (let at = sample.indexOf('\0'); at >= 0; at = sample.indexOf('\0', at + 1)) nul++
  return sample ? nul / sample.length : 0
}

const NOT_TEXT =
  'This file is not text: it is full of bytes that no CSV or text export contains. Open the CSV or text file the export wrote.'

/** Decodes a file's bytes, or says why they are not a text file. */
export function decodeBytes(input: Uint8Array | ArrayBuffer): DecodedText | NotText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  if (bytes.length > MAX_FILE_BYTES) return tooBig(bytes.length)
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' }
  let encoding: Encoding
  let bom = true
  let body = bytes
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return {
      ok: false,
      message:
        'This file is in UTF-32, which the page does not read. Save it again as UTF-8 or UTF-16 (in PowerShell: -Encoding UTF8).',
    }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8'
    body = bytes.subarray(3)
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le'
    body = bytes.subarray(2)
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be'
    body = bytes.subarray(2)
  } else {
    bom = false
    const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes))
    if (known) return { ok: false, message: `This file is not text: it looks like ${known.what}` }
    const utf16 = utf16WithoutBom(bytes)
    if (utf16) encoding = utf16
    else {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        encoding = 'utf-8'
      } catch {
        encoding = 'windows-1252'
      }
    }
  }
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(body)
      : new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
  if (oddShare(text) > 0.1 || nulShare(text) > 0.001) return { ok: false, message: NOT_TEXT }
  return { ok: true, text, encoding, bom }
}

/** The bytes of `text` in the encoding a file was read in, with its byte-order mark if it had one. */
export function encodeText(
  text: string,
  encoding: Encoding,
  bom: boolean,
): Uint8Array<ArrayBuffer> {
  let body: Uint8Array<ArrayBuffer>
  if (encoding === 'windows-1252') body = encodeWindows1252(text)
  else if (encoding === 'utf-8') body = new TextEncoder().encode(text)
  else {
    body = new Uint8Array(text.length * 2)
    const le = encoding === 'utf-16le'
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      body[2 * i + (le ? 0 : 1)] = c & 0xff
      body[2 * i + (le ? 1 : 0)] = c >> 8
    }
  }
  if (!bom) return body
  const mark =
    encoding === 'utf-8'
      ? [0xef, 0xbb, 0xbf]
      : encoding === 'utf-16le'
        ? [0xff, 0xfe]
        : encoding === 'utf-16be'
          ? [0xfe, 0xff]
          : []
  const out = new Uint8Array(mark.length + body.length)
  out.set(mark)
  out.set(body, mark.length)
  return out
}

/** Reads a file picked or dropped by the user. */
export async function readTextFile(file: Blob): Promise<DecodedText | NotText> {
  if (file.size > MAX_FILE_BYTES) return tooBig(file.size)
  try {
    return decodeBytes(new Uint8Array(await file.arrayBuffer()))
  } catch {
    return { ok: false, message: 'The browser could not read this file.' }
  }
}

function tooBig(size: number): NotText {
  return {
    ok: false,
    message: `This file is ${(size / 1024 / 1024).toFixed(1)} MB; the page reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB. Split the export into smaller files.`,
  }
}
