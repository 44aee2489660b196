// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  detectColumns,
  parseCsvText,
  parseReport,
  toRows,
  type ReportRow,
} from '../../src/report/parse.ts'

/** Parses, detects the columns, and returns the rows and the problems. */
function read(text: string) {
  const t = parseReport(text)
  const c = detectColumns(t.headers)
  return { table: t, columns: c, ...toRows(t, c.identity, c.error) }
}

const row = (line: number, identity: string, error: string): ReportRow => ({
  line,
  identity,
  error,
})

describe('parseReport and toRows', () => {
  it.each<[string, string, ReportRow[], { line: number; reason: RegExp }[]]>([
    [
      'a plain CSV',
      'Identity,Status,Error\na@x.com,Failed,Boom one\nb@y.com,Failed,Boom two\n',
      [row(2, 'a@x.com', 'Boom one'), row(3, 'b@y.com', 'Boom two')],
      [],
    ],
    [
      'columns in another order, other names',
      'Message;Recipient\nIt broke;c@z.com',
      [row(2, 'c@z.com', 'It broke')],
      [],
    ],
    [
      'a byte-order mark and CRLF line ends',
      '\ufeffEmailAddress,ErrorSummary\r\nd@x.com,Bad thing\r\n',
      [row(2, 'd@x.com', 'Bad thing')],
      [],
    ],
    [
      'tab delimiters',
      'Identity\tError\ne@x.com\tTabbed error',
      [row(2, 'e@x.com', 'Tabbed error')],
      [],
    ],
    [
      'quoted fields with newlines, commas and doubled quotes',
      'Identity,Error\nf@x.com,"Line one, with comma\nline ""two"""\ng@x.com,After',
      [row(2, 'f@x.com', 'Line one, with comma\nline "two"'), row(4, 'g@x.com', 'After')],
      [],
    ],
    [
      'ragged rows: short ones reported, long ones joined into the last column',
      'Identity,Error\nh@x.com\ni@x.com,Error, with an unquoted comma\nj@x.com,',
      [row(3, 'i@x.com', 'Error, with an unquoted comma')],
      [
        { line: 2, reason: /1 field; the error column is number 2/ },
        { line: 4, reason: /empty/ },
      ],
    ],
    [
      'an unterminated quote: its line is skipped, reading goes on',
      'Identity,Error\nk@x.com,"never closed\nl@x.com,after',
      [row(3, 'l@x.com', 'after')],
      [{ line: 2, reason: /closing quote never comes/ }],
    ],
    [
      'a missing quote in an all-quoted export (Export-Csv): one line lost, not the rest',
      '"Identity","Error"\n"a@x.com","broken\n"b@x.com","fine"\n"c@x.com","also, fine"\n',
      [row(3, 'b@x.com', 'fine'), row(4, 'c@x.com', 'also, fine')],
      [{ line: 2, reason: /closing quote is missing or in the wrong place/ }],
    ],
    [
      'a stray quote inside an unquoted value is kept as text',
      'Identity,Error\na@x.com,He said "no" twice\n',
      [row(2, 'a@x.com', 'He said "no" twice')],
      [],
    ],
    [
      'spaces before an opening quote and text after a closing one',
      'Identity,Error\na@x.com, "padded, value"\nb@x.com,"quoted"tail\n',
      [row(2, 'a@x.com', 'padded, value'), row(3, 'b@x.com', 'quotedtail')],
      [],
    ],
    [
      'old Mac line ends (CR only)',
      'Identity,Error\ra@x.com,One\rb@x.com,Two\r',
      [row(2, 'a@x.com', 'One'), row(3, 'b@x.com', 'Two')],
      [],
    ],
    [
      'blank lines and lines of bare delimiters are skipped, line numbers kept',
      'Identity;Error\n\n;;\na@x.com;Late\n',
      [row(4, 'a@x.com', 'Late')],
      [],
    ],
    [
      'HTML and script in a value stay text',
      'Identity,Error\n<b>x</b>,"<script>alert(1)</script> <img src=x onerror=alert(2)>"\n',
      [row(2, '<b>x</b>', '<script>alert(1)</script> <img src=x onerror=alert(2)>')],
      [],
    ],
    [
      'right-to-left text, combining marks and emoji',
      'Identity|Error\n\u05d3\u05e0\u05d4@x.com|e\u0301rror \u{1F4A5} \u202eevil\n',
      [row(2, '\u05d3\u05e0\u05d4@x.com', 'e\u0301rror \u{1F4A5} \u202eevil')],
      [],
    ],
    [
      'delimiters inside a quoted header name do not count',
      '"Identity";"Error";"Notes, a, b, c"\na@x.com;x, y;z\n',
      [row(2, 'a@x.com', 'x, y')],
      [],
    ],
    ['a lone quote', '"', [], [{ line: 1, reason: /never comes/ }]],
    [
      'a CSV whose quoted values hold Format-List text',
      'Identity,Error\na@x.com,"Identity : a@x.com\nError    : Boom"\n',
      [row(2, 'a@x.com', 'Identity : a@x.com\nError    : Boom')],
      [],
    ],
    ['only a header', 'Identity,Error\n', [], []],
    ['empty text', '', [], []],
    ['whitespace only', ' \n\t\n', [], []],
    [
      'binary data',
      '\u0000\u0001\u0002\u0003PK\u0004\u0005\u0006\u0007',
      [],
      [{ line: 1, reason: /binary/ }],
    ],
    [
      'Format-List records with wrapped values',
      `
Identity     : l@x.com
Status       : Failed
ErrorSummary : A Windows Live error occurred while provisioning for "l@x.com". An internal
               error occurred.

Identity     : m@x.com
Status       : Failed
ErrorSummary : Second error
`,
      [
        row(
          2,
          'l@x.com',
          'A Windows Live error occurred while provisioning for "l@x.com". An internal\nerror occurred.',
        ),
        row(7, 'm@x.com', 'Second error'),
      ],
      [],
    ],
    [
      'Format-List with a prompt line and a record without error',
      `[PS] C:\\>Get-MigrationUser | Format-List
Identity : n@x.com
Error    :

Identity : o@x.com
Error    : Something: with a colon`,
      [row(5, 'o@x.com', 'Something: with a colon')],
      [
        { line: 1, reason: /Not a "Key : Value" line/ },
        { line: 2, reason: /empty/ },
      ],
    ],
  ])('reads %s', (_, text, rows, problems) => {
    const r = read(text)
    expect(r.rows).toEqual(rows)
    expect(r.problems.map((p) => p.line)).toEqual(problems.map((p) => p.line))
    r.problems.forEach((p, i) => expect(p.reason).toMatch(problems[i]?.reason ?? /^$/))
  })

  it('reads a value of 200,000 characters', () => {
    const long = 'x'.repeat(200_000)
    expect(read(`Identity,Error\na@x.com,"${long}"\n`).rows).toEqual([row(2, 'a@x.com', long)])
  })

  it('knows where each CSV record sits and which fields were quoted', () => {
    const text = '\ufeff"Email";Pass\r\n"a@x.com";"p;1"\r\nb@x.com;"multi\nline"\r\nc@x.com;z'
    const t = parseCsvText(text)
    const body = text.slice(1)
    expect(t.source && body.slice(t.source.header.start, t.source.header.end)).toBe('"Email";Pass')
    expect(t.records.map((r) => r.span && body.slice(r.span.start, r.span.end))).toEqual([
      '"a@x.com";"p;1"',
      'b@x.com;"multi\nline"',
      'c@x.com;z',
    ])
    expect(t.records.map((r) => r.span?.next)).toEqual([31, 53, 62])
    expect(t.records.map((r) => r.quoted)).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ])
  })

  it('keeps rows in = rows shown: every record is a row or a problem', () => {
    const text =
      'Identity,Error\n' +
      Array.from({ length: 50 }, (_, i) => (i % 5 ? `u${i},err ${i}` : `u${i}`)).join('\n')
    const r = read(text)
    expect(r.rows.length + r.problems.length).toBe(50)
  })
})

describe('detectColumns', () => {
  it.each<[string[], { identity: number; error: number }]>([
    [['Identity', 'Status', 'Error'], { identity: 0, error: 2 }],
    [['Status', 'ErrorSummary', 'EmailAddress'], { identity: 2, error: 1 }],
    [['Recipient', 'Message', 'StatusDetail'], { identity: 0, error: 1 }],
    [['Identity', 'StatusDetail'], { identity: 0, error: 1 }],
    [['Primary SMTP Address', 'Error '], { identity: 0, error: 1 }],
    [['A', 'B'], { identity: -1, error: -1 }],
    [[], { identity: -1, error: -1 }],
  ])('finds the columns of %j', (headers, expected) => {
    expect(detectColumns(headers)).toEqual(expected)
  })
})
