/**
 * Reads a report of failed users: a CSV export (any column order, comma, semicolon, tab or pipe
 * delimited, quoted fields with newlines) or `Format-List` text (records separated by blank
 * lines, `Key : Value` lines, wrapped values on indented continuation lines). Pure and total:
 * any string in, a table and the lines it could not read out, each with its line number.
 */

export interface Table {
  format: 'csv' | 'list' | 'empty' | 'binary'
  /** The CSV delimiter found (`,` for other formats). */
  delimiter: string
  headers: string[]
  /**
   * Records in order; `line` is the 1-based line each starts on. CSV records also say which
   * fields were quoted and where the record sits in `source.text`.
   */
  records: { line: number; cells: string[]; quoted?: boolean[]; span?: Span }[]
  /** Lines or records that are no record, with why. */
  problems: Problem[]
  /** CSV only: the text parsed (without a byte-order mark), where its header is, its quoting. */
  source?: { text: string; header: Span; quoted: boolean[] }
}

export interface Problem {
  line: number
  reason: string
}

export interface ReportRow {
  line: number
  identity: string
  error: string
}

/** More than one in ten characters being control characters means this is not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++
  }
  return sample.length > 0 && control / sample.length > 0.1
}

function binaryTable(): Table {
  return {
    format: 'binary',
    delimiter: ',',
    headers: [],
    records: [],
    problems: [{ line: 1, reason: 'This is binary data, not a text report.' }],
  }
}

const LIST_KEY = /^([A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,4}?)\s*:(?:\s(.*)|)$/

/** Parses a report, guessing whether it is CSV or Format-List text. */
export function parseReport(input: string): Table {
  const text = (typeof input === 'string' ? input : '').replace(/^\ufeff/, '')
  if (!text.trim())
    return { format: 'empty', delimiter: ',', headers: [], records: [], problems: [] }
  if (looksBinary(text)) return binaryTable()
  // Format-List puts " : " after every key; a CSV header line never has it. Look past the first
  // line only when it is a PowerShell prompt or has no delimiter (quoted CSV values can hold
  // Format-List text of their own).
  const head = text
    .split(/\r?\n/, 400)
    .filter((l) => l.trim())
    .slice(0, 10)
  const isKey = (l: string) => /^[A-Za-z][\w.-]*(?: [\w.-]+){0,4}\s+:(?:\s|$)/.test(l)
  const first = head[0] ?? ''
  const prompt = /^\s*(?:\[PS\]|PS\s)/.test(first) || /^\s*[A-Za-z]:\\.*>/.test(first)
  const list = isKey(first) || ((prompt || !/[,;\t]/.test(first)) && head.some(isKey))
  return list ? parseList(text) : parseCsv(text)
}

/** The delimiter of the header line: the most frequent of , ; tab | outside quotes. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 }
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1
  }
  let best = ','
  for (const d of [',', ';', '\t', '|']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d
  return best
}

/** Where a CSV record sits in the parsed text: `end` before its line break, `next` after it. */
export interface Span {
  start: number
  end: number
  next: number
}

interface RawRecord {
  line: number
  cells: string[]
  quoted: boolean[]
  span: Span
  /** Why the record could not be read (a quote that never closes, or closes in the wrong place). */
  broken: string | null
}

const NEVER_CLOSED =
  'A quoted value starts on this line and its closing quote never comes: the line is skipped.'
const CLOSED_WRONG =
  'A quoted value starts on this line and its closing quote is missing or in the wrong place: the line is skipped.'

/**
 * RFC 4180 records with the line each starts on and where it sits in the text. A quote that
 * never closes, or whose "closing" quote lies on a later line with more text glued to it (a
 * missing quote turns every quote after it inside out), breaks only its own line: the record is
 * reported and reading goes on with the next line, so one bad quote never swallows the rest of
 * the file.
 */
function csvRecords(text: string, delim: string): RawRecord[] {
  const out: RawRecord[] = []
  const n = text.length
  const isEnd = (c: string | undefined) => c === delim || c === '\n' || c === '\r'
  let line = 1
  let i = 0
  let cells: string[] = []
  let quoted: boolean[] = []
  let start = 1
  let startAt = 0
  const endRecord = (end: number, next: number, broken: string | null = null) => {
    out.push({ line: start, cells, quoted, span: { start: startAt, end, next }, broken })
    cells = []
    quoted = []
    start = line
    startAt = next
  }
  while (i <= n) {
    if (i === n) {
      // A text ending in a line break has no empty record after it.
      if (cells.length > 0) {
        cells.push('')
        quoted.push(false)
        endRecord(n, n)
      }
      break
    }
    // Leading spaces before an opening quote are allowed (some exports pad fields).
    let j = i
    while (text[j] === ' ') j++
    let cell: string
    if (text[j] === '"') {
      const openLine = line
      let k = j + 1
      let value = ''
      let closed = true
      for (;;) {
        const q = text.indexOf('"', k)
        if (q < 0) {
          closed = false
          break
        }
        value += text.slice(k, q)
        if (text[q + 1] === '"') {
          value += '"'
          k = q + 2
        } else {
          k = q + 1
          break
        }
      }
      // Text after the closing quote up to the delimiter belongs to the field.
      let e = k
      while (e < n && !isEnd(text[e])) e++
      const glued = text.slice(k, e)
      const multiline = value.includes('\n') || value.includes('\r')
      if (!closed || (multiline && glued.trim() !== '')) {
        // Skip the line the quote opened on; read on from the next one.
        let lineEnd = j
        while (lineEnd < n && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++
        const next = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1)
        line = openLine + 1
        endRecord(lineEnd, Math.min(n, next), closed ? CLOSED_WRONG : NEVER_CLOSED)
        i = Math.min(n, next)
        if (i === n) break
        continue
      }
      for (let m = value.indexOf('\n'); m >= 0; m = value.indexOf('\n', m + 1)) line++
      cell = value + glued
      quoted.push(true)
      i = e
    } else {
      let e = i
      while (e < n && !isEnd(text[e])) e++
      cell = text.slice(i, e)
      quoted.push(false)
      i = e
    }
    cells.push(cell)
    if (i >= n) {
      endRecord(n, n)
      break
    }
    const c = text[i]
    if (c === delim) {
      i++
      if (i === n) {
        cells.push('')
        quoted.push(false)
        endRecord(n, n)
        break
      }
    } else {
      const end = i
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      endRecord(end, i)
    }
  }
  return out
}

/** Reads text as CSV whatever it looks like (the migration CSV checker). */
export function parseCsvText(input: string): Table {
  const text = input.replace(/^\ufeff/, '')
  if (!text.trim())
    return { format: 'empty', delimiter: ',', headers: [], records: [], problems: [] }
  if (looksBinary(text)) return binaryTable()
  return parseCsv(text)
}

function parseCsv(text: string): Table {
  const delim = detectDelimiter(text)
  const problems: Problem[] = []
  let header: RawRecord | null = null
  const records: Table['records'] = []
  for (const r of csvRecords(text, delim)) {
    if (r.broken !== null) problems.push({ line: r.line, reason: r.broken })
    else if (!r.cells.some((c) => c.trim() !== '')) continue
    else if (!header) header = r
    else records.push({ line: r.line, cells: r.cells, quoted: r.quoted, span: r.span })
  }
  if (!header) return { format: 'empty', delimiter: delim, headers: [], records: [], problems }
  return {
    format: 'csv',
    delimiter: delim,
    headers: header.cells.map((h) => h.trim()),
    records,
    problems,
    source: { text, header: header.span, quoted: header.quoted },
  }
}

function parseList(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/)
  const headers: string[] = []
  const records: Table['records'] = []
  const problems: Problem[] = []
  let current: { line: number; values: Map<string, string> } | null = null
  let lastKey: string | null = null
  const flush = () => {
    if (current && current.values.size > 0)
      records.push({
        line: current.line,
        cells: headers.map((h) => current?.values.get(h) ?? ''),
      })
    current = null
    lastKey = null
  }
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    if (!raw.trim()) {
      flush()
      return
    }
    const indented = /^\s/.test(raw)
    const m = indented ? null : LIST_KEY.exec(raw.trimEnd())
    if (m && (/\s:/.test(raw) || /:\s|:$/.test(raw))) {
      const key = (m[1] ?? '').trim()
      current ??= { line: lineNo, values: new Map() }
      if (!headers.includes(key)) headers.push(key)
      current.values.set(key, (m[2] ?? '').trim())
      lastKey = key
    } else if (current && lastKey) {
      const prev = current.values.get(lastKey) ?? ''
      current.values.set(lastKey, prev ? `${prev}\n${raw.trim()}` : raw.trim())
    } else {
      problems.push({ line: lineNo, reason: 'Not a "Key : Value" line of a record.' })
    }
  })
  flush()
  return { format: 'list', delimiter: ',', headers, records, problems }
}

const IDENTITY_NAMES = [
  'identity',
  'emailaddress',
  'recipient',
  'primarysmtpaddress',
  'userprincipalname',
  'mailbox',
  'user',
  'username',
  'alias',
  'displayname',
  'name',
]
const ERROR_NAMES = [
  'error',
  'errorsummary',
  'message',
  'lasterror',
  'failure',
  'failuremessage',
  'statusdetail',
  'status',
]

function pick(headers: readonly string[], names: readonly string[], not: number): number {
  const folded = headers.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''))
  for (const name of names) {
    const i = folded.indexOf(name)
    if (i >= 0 && i !== not) return i
  }
  return -1
}

/** Guesses the identity and the error column from the header names (-1: none found). */
export function detectColumns(headers: readonly string[]): { identity: number; error: number } {
  const error = pick(headers, ERROR_NAMES, -1)
  return { identity: pick(headers, IDENTITY_NAMES, error), error }
}

/**
 * Rows to diagnose, from the chosen columns. A record without error text, or with fewer fields
 * than the header where the error would be, is reported as a problem with its line.
 */
export function toRows(
  table: Table,
  identity: number,
  error: number,
): { rows: ReportRow[]; problems: Problem[] } {
  const rows: ReportRow[] = []
  const problems: Problem[] = [...table.problems]
  const last = table.headers.length - 1
  for (const r of table.records) {
    let cells = r.cells
    // An unquoted delimiter inside the last column's text splits it: join it back.
    if (cells.length > table.headers.length && error === last && table.format === 'csv')
      cells = [...cells.slice(0, last), cells.slice(last).join(table.delimiter)]
    if (error < 0) {
      problems.push({ line: r.line, reason: 'No error column is chosen.' })
      continue
    }
    if (cells.length <= error) {
      problems.push({
        line: r.line,
        reason: `The row has ${cells.length} field${cells.length === 1 ? '' : 's'}; the error column is number ${error + 1}.`,
      })
      continue
    }
    const text = (cells[error] ?? '').trim()
    if (!text) {
      problems.push({ line: r.line, reason: 'The error column is empty.' })
      continue
    }
    rows.push({
      line: r.line,
      identity: identity >= 0 ? (cells[identity] ?? '').trim() : '',
      error: text,
    })
  }
  problems.sort((a, b) => a.line - b.line)
  return { rows, problems }
}
