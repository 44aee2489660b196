// @vitest-environment node
/**
 * Properties of the power tools' readers on any input: bytes from any file, any text as a report
 * or a migration CSV, any stored state. Never a throw; every record is a row or a problem; a
 * fixed file with nothing ticked is the file itself; text written back reads back the same.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFixes, checkMigrationCsv, pickGroup } from '../../src/report/csv-check.ts'
import { decodeBytes, encodeText, type Encoding } from '../../src/report/decode.ts'
import { detectColumns, parseCsvText, parseReport, toRows } from '../../src/report/parse.ts'
import { sanitizeCsvCheck, sanitizeReport } from '../../src/report/tool-state.ts'
import { codeUnit, hostileText } from '../helpers/hostile.ts'

/** CSV-shaped text: fields of hostile text, quoted or not, joined by any delimiter. */
const csvText = fc
  .tuple(
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(
      fc.array(
        fc.tuple(
          fc.oneof(
            hostileText(4),
            fc.constantFrom('EmailAddress', 'Password', 'a@fed.com', 'True', '', ' b@x.com '),
          ),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      { maxLength: 30 },
    ),
  )
  .map(([d, eol, rows]) =>
    rows
      .map((cells) => cells.map(([v, q]) => (q ? `"${v.replace(/"/g, '""')}"` : v)).join(d))
      .join(eol),
  )

const anyReport = fc.oneof(csvText, hostileText(), fc.string({ unit: codeUnit }))

describe('decodeBytes, on any bytes', () => {
  it('never throws and returns text or a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const r = decodeBytes(bytes)
        if (r.ok) expect(typeof r.text).toBe('string')
        else expect(r.message.length).toBeGreaterThan(10)
      }),
      { numRuns: 400 },
    )
  })

  it('reads back any text it wrote, in each encoding it writes', () => {
    // Well-formed text (no lone surrogates): what a file read by the page can hold.
    const wellFormed = fc
      .string({ unit: 'grapheme', maxLength: 200 })
      .map((t) => `EmailAddress,Password\r\n${t}`)
    fc.assert(
      fc.property(
        wellFormed,
        fc.constantFrom<[Encoding, boolean]>(
          ['utf-8', true],
          ['utf-16le', true],
          ['utf-16be', true],
        ),
        (text, [encoding, bom]) => {
          const r = decodeBytes(encodeText(text, encoding, bom))
          if (r.ok) expect(r.text).toBe(text)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('parseReport and toRows, on any text', () => {
  it('put every record in the rows or the problems, each with a line number', () => {
    fc.assert(
      fc.property(anyReport, (text) => {
        const t = parseReport(text)
        const c = detectColumns(t.headers)
        const { rows, problems } = toRows(t, c.identity, c.error)
        expect(rows.length + problems.length).toBe(t.records.length + t.problems.length)
        for (const x of [...rows, ...problems]) expect(x.line).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 400 },
    )
  })
})

describe('the migration CSV checker, on any text', () => {
  it('writes the file itself when nothing is ticked, and never throws with everything ticked', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom('staged', 'imap') as fc.Arbitrary<'staged' | 'imap'>,
        (text, kind) => {
          const table = parseCsvText(text)
          const findings = checkMigrationCsv(table, kind, ['fed.com'], ['x.com'])
          if (table.source)
            expect(applyFixes(table, findings, new Set()).csv).toBe(table.source.text)
          let all = new Set<string>()
          for (const g of new Set(findings.map((f) => f.group)))
            all = pickGroup(all, findings, g, true)
          for (const f of findings) if (f.fixes.length) all.add(f.id)
          const { csv, changes } = applyFixes(table, findings, all)
          expect(typeof csv).toBe('string')
          expect(changes.every((ch) => typeof ch.text === 'string')).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('stored tool state, on any value', () => {
  it('is sanitised to well-formed fields or nothing', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = sanitizeReport(v)
        if (r.text !== undefined) expect(typeof r.text).toBe('string')
        const c = sanitizeCsvCheck(v)
        if (c.picked) expect(c.picked.every((p) => typeof p === 'string')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
