/**
 * End-to-end, the way a new user meets the power tools in Debian's headless Chromium: a
 * generated 5,000-row report of a failed batch (known errors taken from the knowledge base's own
 * samples with other names and GUIDs, unknown errors, broken lines) triaged from the start page;
 * its counts, groups and fix script checked against how it was generated; the report kept across
 * Back and a reload; a staged CSV with federated users fixed as KB 2845956 says and nothing else;
 * and malformed files of every kind. Run `npx vite build` first.
 */
import { readFile } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadKb } from '../../src/content/compile.ts'
import { diagnose } from '../../src/engine/diagnose.ts'
import { findEntry } from '../../src/engine/lookups.ts'
import { encodeText } from '../../src/report/decode.ts'
import { REPORT_KEEP_LIMIT } from '../../src/report/tool-state.ts'
import { canonical } from '../../src/report/triage.ts'
import { appUrl, browserSuite, expectAccessible, waitForHeading } from './helpers.ts'

const { run } = browserSuite()
const kb = loadKb()

/** Entries whose errors the report holds; the first has a fix that runs once per user. */
const ENTRIES = [
  'im-contact-list-blocks-move-to-exchange-2010',
  'staged-migration-federated-users-force-change-password',
  'imap-recipient-not-found-on-target',
  'move-target-missing-mail-onmicrosoft-routing-address',
  'cutover-address-already-used-by-cloud-object',
  'user-already-being-moved-leftover-move-request',
]
const UNKNOWN = [
  (u: string) => `The coffee machine refused ${u}: no beans left in the tray.`,
  (u: string) => `Printer queue for ${u} jammed on page four.`,
  (u: string) => `An unexpected badger was found in the server room while moving ${u}.`,
]

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** Each entry's first sample that names a user and that the engine puts first on its own. */
const SAMPLES = new Map(
  ENTRIES.map((id) => {
    const file = readdirSync('src/content/entries').find((f) => f === `${id}.json`)
    const entry = JSON.parse(readFileSync(`src/content/entries/${file}`, 'utf8')) as {
      samples: string[]
    }
    const sample = entry.samples.find((s) => {
      if (!s.match(ADDRESS)) return false
      const d = diagnose(kb, canonical(s.replace(ADDRESS, 'someone@contoso.com')))
      return d.verdict === 'match' && d.entryId === id
    })
    if (!sample) throw new Error(`${id} has no sample with a user the engine puts first`)
    return [id, sample]
  }),
)

/** A deterministic GUID per row. */
const guid = (i: number) => {
  const h = ((i + 1) * 2654435761) >>> 0
  const hex = h.toString(16).padStart(8, '0')
  return `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-a${hex.slice(5, 8)}-${hex}${hex.slice(0, 4)}`
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`

interface Expected {
  /** entry id → identities of its rows, in order */
  known: Map<string, string[]>
  unknown: number[]
  unreadable: number
  rows: number
  /** Line numbers of the rows without error text and of the line whose quote never closes. */
  short: number
  empty: number
  cut: number
}

/**
 * A report as Export-Csv writes it (every field quoted, CRLF): known errors with the row's user
 * and GUID in place of the sample's, unknown errors, rows without an error, rows with an empty
 * one, and one line whose quote never closes.
 */
function makeReport(n: number): { text: string; expected: Expected } {
  const lines = ['"Identity","Status","ErrorSummary","BatchId"']
  const expected: Expected = {
    known: new Map(ENTRIES.map((id) => [id, []])),
    unknown: UNKNOWN.map(() => 0),
    unreadable: 0,
    rows: n,
    short: 0,
    empty: 0,
    cut: 0,
  }
  // The line the next record starts on (quoted values may hold line breaks).
  const nextLine = () => 1 + lines.reduce((k, l) => k + 1 + (l.match(/\n/g)?.length ?? 0), 0)
  for (let i = 0; i < n; i++) {
    const who = `user${i}@contoso.com`
    if (i % 997 === 500) {
      if (!expected.short) expected.short = nextLine()
      lines.push(`${q(who)},"Failed"`)
      expected.unreadable++
    } else if (i % 1009 === 700) {
      if (!expected.empty) expected.empty = nextLine()
      lines.push(`${q(who)},"Failed","",${q('Wave 1')}`)
      expected.unreadable++
    } else if (i === 2500) {
      expected.cut = nextLine()
      lines.push(`${q(who)},"Failed","The export was cut off here`)
      expected.unreadable++
    } else if (i % 10 < 7) {
      const id = ENTRIES[i % ENTRIES.length] ?? ''
      const error = (SAMPLES.get(id) ?? '').replace(ADDRESS, who).replace(GUID, guid(i))
      lines.push(`${q(who)},"Failed",${q(error)},${q('Wave 1')}`)
      expected.known.get(id)?.push(who)
    } else {
      const k = i % UNKNOWN.length
      lines.push(`${q(who)},"Failed",${q(UNKNOWN[k]?.(who) ?? '')},${q('Wave 2')}`)
      expected.unknown[k] = (expected.unknown[k] ?? 0) + 1
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, expected }
}

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0)

/** The result's summary line, once the triage has finished. */
async function summary(page: Page): Promise<string> {
  const status = page.getByRole('region', { name: 'Result' }).getByRole('status').first()
  await status.waitFor({ timeout: 30_000 })
  return (await status.textContent()) ?? ''
}

/** The users of a `$users = @("a", "b")` script line. */
function scriptUsers(code: string): string[] {
  const list = /^\$users = @\((.*)\)$/m.exec(code)?.[1] ?? ''
  return [...list.matchAll(/"((?:[^"`]|`.)*)"/g)].map((m) => m[1] ?? '')
}

describe('report triage, as a new user', () => {
  const { text, expected } = makeReport(5000)
  const knownRows = sum([...expected.known.values()].map((u) => u.length))
  const unknownRows = sum(expected.unknown)

  it('triages a 5,000-row report: counts add up, groups and the fix script are right', () =>
    run(async (s) => {
      expect(knownRows + unknownRows + expected.unreadable).toBe(5000)
      await s.page.goto(appUrl(s.origin, '/'))
      await s.page.getByRole('link', { name: 'Triage a report of failed users' }).click()
      await waitForHeading(s.page, 'Triage a report of failed users')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'wave-failures.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(encodeText(text, 'utf-8', true)),
      })
      const readable = 5000 - expected.unreadable
      await s.page
        .getByText(
          `Read wave-failures.csv (UTF-8 with a byte-order mark) as CSV: 4999 records, ${readable} with error text, ${expected.unreadable} that cannot be diagnosed (listed with the result).`,
        )
        .waitFor()
      expect(await s.page.getByLabel('User column').inputValue()).toBe('0')
      expect(await s.page.getByLabel('Error column').inputValue()).toBe('2')
      const began = Date.now()
      await s.page.getByRole('button', { name: `Diagnose ${readable} rows` }).click()
      const line = await summary(s.page)
      console.log(
        `5,000-row report in Chromium: ${line} (click to result ${Date.now() - began} ms)`,
      )
      expect(line).toMatch(
        new RegExp(
          `^5000 rows read in \\d+ ms: ${knownRows} in known problems, ${unknownRows} unknown, ${expected.unreadable} unreadable\\.$`,
        ),
      )
      const result = s.page.getByRole('region', { name: 'Result' })
      for (const [id, users] of expected.known) {
        const title = findEntry(kb, id)?.title ?? id
        const region = result.getByRole('region', {
          name: `${title} (${users.length})`,
          exact: true,
        })
        expect(await region.count(), `the group of ${id}`).toBe(1)
      }
      for (const [k, count] of expected.unknown.entries()) {
        const masked = UNKNOWN[k]?.('<email>') ?? ''
        const region = result.getByRole('region', { name: `Unknown error (${count})`, exact: true })
        expect(await region.filter({ hasText: masked }).count(), masked).toBe(1)
      }
      // The broken lines are listed with their line numbers and why.
      const unreadable = result.getByRole('list').last()
      expect(await unreadable.getByRole('listitem').count()).toBe(expected.unreadable)
      await unreadable
        .getByText(`Line ${expected.cut}: A quoted value starts on this line`, { exact: false })
        .waitFor()
      await unreadable
        .getByText(`Line ${expected.short}: The row has 2 fields; the error column is number 3.`)
        .waitFor()
      await unreadable.getByText(`Line ${expected.empty}: The error column is empty.`).waitFor()

      // The script for the IM group names exactly that group's users, in report order.
      const im = expected.known.get(ENTRIES[0] ?? '') ?? []
      const imTitle = findEntry(kb, ENTRIES[0] ?? '')?.title ?? ''
      const fix = result
        .getByRole('region', { name: `${imTitle} (${im.length})`, exact: true })
        .getByRole('region', { name: 'Clear the flag that blocks the move' })
      // A script for hundreds of users starts folded; it is all there to copy.
      await fix.getByText(`Show the script for all ${im.length} users`).click()
      const code = (await fix.locator('pre code').textContent()) ?? ''
      expect(scriptUsers(code)).toEqual(im)
      expect(code.split('\n').slice(1)).toEqual([
        'foreach ($u in $users) {',
        '  Set-Mailbox -Identity "$u" -ImListMigrationCompleted $false',
        '}',
      ])
      expect(await fix.getByRole('button', { name: 'Copy script' }).isDisabled()).toBe(true)
      await expectAccessible(s, 'report triage, 5,000 rows')

      // Printed, the page is the result: no pasted report, filter or buttons.
      await s.page.emulateMedia({ media: 'print' })
      expect(await s.page.getByLabel('Report').isVisible()).toBe(false)
      expect(await s.page.getByLabel('Filter by problem, error or user').isVisible()).toBe(false)
      expect(await result.getByRole('heading', { name: 'Known problems' }).isVisible()).toBe(true)
      expect(await s.page.getByRole('button').filter({ visible: true }).count()).toBe(0)
      await s.page.emulateMedia({ media: 'screen' })

      // The CSV export has one line per group and per unreadable line; its counts add up.
      const download = s.page.waitForEvent('download')
      await result.getByRole('button', { name: 'Download CSV' }).click()
      const csv = await readFile(await (await download).path(), 'utf8')
      const counts = csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => /^\w+,(?:"(?:[^"]|"")*"|[^,]*),(\d+),/.exec(l)?.[1])
      expect(counts.every((c) => c !== undefined)).toBe(true)
      expect(sum(counts.map(Number))).toBe(5000)
    }))

  it('keeps the report, its columns and filter across Back and a reload', () =>
    run(async (s) => {
      expect(text.length).toBeLessThan(REPORT_KEEP_LIMIT)
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'wave-failures.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      })
      // The user picks another column than the guessed one: that choice must come back too.
      await s.page.getByLabel('User column').selectOption({ label: 'BatchId' })
      await s.page.getByRole('button', { name: /^Diagnose \d+ rows$/ }).click()
      const first = await summary(s.page)

      // Back from a problem's page: the result is there at once.
      await s.page
        .getByRole('link', { name: /^About: Move to Exchange 2010 blocked/ })
        .first()
        .click()
      await waitForHeading(s.page, 'Move to Exchange 2010 blocked')
      await s.page.goBack()
      await waitForHeading(s.page, 'Triage a report of failed users')
      expect(await summary(s.page)).toBe(first)
      await s.page.getByLabel('Filter by problem, error or user').fill('badger')

      // Reload: the report, the column and the filter come back; the triage runs again.
      await s.page.reload()
      await waitForHeading(s.page, 'Triage a report of failed users')
      expect(await s.page.getByLabel('Report').inputValue()).toBe(text.replace(/\r\n/g, '\n'))
      expect(await s.page.getByLabel('User column').inputValue()).toBe('3')
      expect(await s.page.getByLabel('Filter by problem, error or user').inputValue()).toBe(
        'badger',
      )
      const again = await summary(s.page)
      expect(again.replace(/in \d+ ms/, '')).toBe(first.replace(/in \d+ ms/, ''))
      const result = s.page.getByRole('region', { name: 'Result' })
      // The filter shows the one matching group and hides the others.
      expect(await result.getByRole('region', { name: /^Unknown error \(\d+\)$/ }).count()).toBe(1)
      expect(await result.getByRole('region', { name: /^Move to Exchange 2010/ }).count()).toBe(0)
      await result.getByText(/badger was found in the server room while moving <email>/).waitFor()

      // Clear forgets it: a reload after Clear shows an empty page.
      await s.page.getByRole('button', { name: 'Clear', exact: true }).click()
      await s.page.reload()
      await waitForHeading(s.page, 'Triage a report of failed users')
      expect(await s.page.getByLabel('Report').inputValue()).toBe('')
      expect(await s.page.getByRole('region', { name: 'Result' }).count()).toBe(0)
    }))

  it('reads a Format-List report saved by Windows PowerShell 5.1 (UTF-16 LE)', () =>
    run(async (s) => {
      const records = Array.from({ length: 40 }, (_, i) => {
        const who = `fl${i}@fabrikam.com`
        const error =
          i % 4 === 3
            ? `Printer queue for ${who} jammed on page four.`
            : (SAMPLES.get(ENTRIES[0] ?? '') ?? '').replace(ADDRESS, who).replace(/\n\s*/g, ' ')
        return `Identity     : ${who}\r\nStatus       : Failed\r\nErrorSummary : ${error}\r\n`
      })
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'failed.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(encodeText(`\r\n${records.join('\r\n')}\r\n\r\n`, 'utf-16le', true)),
      })
      await s.page
        .getByText(
          'Read failed.txt (UTF-16 LE with a byte-order mark) as Format-List text: 40 records, 40 with error text.',
        )
        .waitFor()
      await s.page.getByRole('button', { name: 'Diagnose 40 rows' }).click()
      expect(await summary(s.page)).toMatch(
        /^40 rows read in \d+ ms: 30 in known problems, 10 unknown, 0 unreadable\.$/,
      )
    }))

  it.each<[string, string, Buffer, RegExp]>([
    [
      'an Excel workbook',
      'failed.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.alloc(3000, 7)]),
      /^failed\.xlsx: This file is not text: it looks like an Excel workbook \(\.xlsx\) or another zip archive\. Save the sheet as CSV/,
    ],
    ['an empty file', 'empty.csv', Buffer.alloc(0), /^empty\.csv: The file is empty\.$/],
    [
      '1 MB of random bytes',
      'garbage.bin',
      Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 13) as number[]),
      /^garbage\.bin: This file is not text: it is full of bytes that no CSV or text export contains\./,
    ],
  ])('says clearly why %s cannot be read', (_, name, buffer, message) =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
      await s.page.getByLabel('Or open a file').setInputFiles({ name, mimeType: '', buffer })
      const alert = s.page.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toMatch(message)
      expect(await s.page.getByLabel('Report').inputValue()).toBe('')
      await expectAccessible(s, `report triage, ${name} refused`)
    }),
  )

  it('reads 1 MB of printable garbage and an unbalanced quote without hanging, and says what it found', () =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
      let x = 1
      const garbage = Array.from({ length: 1 << 20 }, () => {
        x = (x * 1103515245 + 12345) >>> 0
        return String.fromCharCode(33 + (x % 90))
      }).join('')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'garbage.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(garbage),
      })
      const status = s.page.getByText(/^Read garbage\.txt \(UTF-8\) as CSV/)
      await status.waitFor()
      expect(await status.textContent()).toMatch(
        /There is only a header line: no rows to diagnose\./,
      )
      expect(await s.page.getByRole('button', { name: 'Diagnose 0 rows' }).isDisabled()).toBe(true)

      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'quotes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Identity,Error\r\na@x.com,"Kaboom one\r\nb@x.com,"Kaboom two"\r\nc@x.com,Kaboom three\r\n',
        ),
      })
      await s.page.getByRole('button', { name: 'Diagnose 2 rows' }).click()
      expect(await summary(s.page)).toMatch(
        /^3 rows read in \d+ ms: 0 in known problems, 2 unknown, 1 unreadable\.$/,
      )
      await s.page
        .getByText(
          'Line 2: A quoted value starts on this line and its closing quote is missing or in the wrong place: the line is skipped.',
        )
        .waitFor()
    }))
})

describe('migration CSV checker, as a new user', () => {
  // A staged batch file as Export-Csv in Windows PowerShell 5.1 writes it without -Encoding.
  const original = [
    '"EmailAddress","Password","ForceChangePassword"',
    '"anna.lopez@fabrikam.com","Wint3r!Sun","True"',
    '"ben.okafor@contoso.com","Spr1ng;Rain","True"',
    '"chloe.martin@fabrikam.com","Sümmer#1","True"',
    '"dev.patel@FABRIKAM.com","Aut;umn2",""',
    '"eve.kim@fabrikam.com","Fr0st","False"',
    '"farid.haddad@contoso.com","Mist€9","False"',
    '"gina.rossi@fabrikam.com","Ha""il7","TRUE"',
    '',
  ].join('\r\n')
  // KB 2845956: ForceChangePassword False on every federated user's row; nothing else.
  const fixed = original
    .replace(
      '"anna.lopez@fabrikam.com","Wint3r!Sun","True"',
      '"anna.lopez@fabrikam.com","Wint3r!Sun","False"',
    )
    .replace(
      '"chloe.martin@fabrikam.com","Sümmer#1","True"',
      '"chloe.martin@fabrikam.com","Sümmer#1","False"',
    )
    .replace(
      '"dev.patel@FABRIKAM.com","Aut;umn2",""',
      '"dev.patel@FABRIKAM.com","Aut;umn2","False"',
    )
    .replace(
      '"gina.rossi@fabrikam.com","Ha""il7","TRUE"',
      '"gina.rossi@fabrikam.com","Ha""il7","False"',
    )

  it('fixes a staged file with federated users exactly as KB 2845956 says, nothing else', () =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/'))
      await s.page.getByRole('link', { name: 'Check a migration CSV file' }).click()
      await waitForHeading(s.page, 'Check a migration CSV file')
      await s.page
        .getByLabel('Federated domains (AD FS or another identity provider)')
        .fill('fabrikam.com')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'staged-wave3.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(encodeText(original, 'windows-1252', false)),
      })
      await s.page
        .getByText(/^staged-wave3\.csv loaded \(Windows-1252 \(ANSI\)\): 7 rows/)
        .waitFor()
      const findings = s.page.getByRole('region', { name: 'Findings' })
      await findings.getByText('7 rows checked: 4 findings.').waitFor()
      const body = (await s.page.locator('body').textContent()) ?? ''
      for (const secret of [
        'Wint3r!Sun',
        'Spr1ng;Rain',
        'Sümmer#1',
        'Aut;umn2',
        'Fr0st',
        'Mist€9',
        'Ha"il7',
        'Ha""il7',
      ])
        expect(body).not.toContain(secret)
      await expectAccessible(s, 'CSV checker, federated findings')

      await findings
        .getByLabel('Set ForceChangePassword to False for all 4 federated users')
        .check()
      const changes = await findings.locator('ul.changes li').allTextContents()
      expect(changes).toEqual([
        'Line 2: ForceChangePassword: "True" → "False".',
        'Line 4: ForceChangePassword: "True" → "False".',
        'Line 5: ForceChangePassword: "" → "False".',
        'Line 8: ForceChangePassword: "TRUE" → "False".',
      ])
      const download = s.page.waitForEvent('download')
      await findings.getByRole('button', { name: 'Download the fixed file' }).click()
      const file = await download
      expect(file.suggestedFilename()).toBe('staged-wave3-fixed.csv')
      const bytes = await readFile(await file.path())
      expect([...bytes]).toEqual([...encodeText(fixed, 'windows-1252', false)])

      // Reload: the file, the domain and the ticks are still there.
      await s.page.reload()
      await waitForHeading(s.page, 'Check a migration CSV file')
      await s.page.getByText(/^staged-wave3\.csv loaded/).waitFor()
      expect(
        await s.page
          .getByLabel('Set ForceChangePassword to False for all 4 federated users')
          .isChecked(),
      ).toBe(true)
    }))

  it.each<[string, string, Buffer, RegExp]>([
    [
      'an Excel workbook',
      'users.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 1)]),
      /^users\.xlsx: This file is not text: it looks like an Excel workbook/,
    ],
    ['an empty file', 'users.csv', Buffer.alloc(0), /^users\.csv: The file is empty\.$/],
  ])('says clearly why %s cannot be checked', (_, name, buffer, message) =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/csv-check'))
      await waitForHeading(s.page, 'Check a migration CSV file')
      await s.page.getByLabel('Or open a file').setInputFiles({ name, mimeType: '', buffer })
      const alert = s.page.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toMatch(message)
    }),
  )

  it('reports a line whose quote never closes and leaves it alone in the fixed file', () =>
    run(async (s) => {
      const text =
        'EmailAddress,Password,ForceChangePassword\r\na@fabrikam.com,"broken,True\r\nb@fabrikam.com,ok,True\r\n'
      await s.page.goto(appUrl(s.origin, '/csv-check'))
      await waitForHeading(s.page, 'Check a migration CSV file')
      await s.page
        .getByLabel('Federated domains (AD FS or another identity provider)')
        .fill('fabrikam.com')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'broken.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      })
      const findings = s.page.getByRole('region', { name: 'Findings' })
      await findings
        .getByText(/^A quoted value starts on this line and its closing quote never comes/)
        .waitFor()
      await findings.getByRole('checkbox', { name: /^Set it to False \(line 3,/ }).check()
      const download = s.page.waitForEvent('download')
      await findings.getByRole('button', { name: 'Download the fixed file' }).click()
      expect(await readFile(await (await download).path(), 'utf8')).toBe(
        text.replace('b@fabrikam.com,ok,True', 'b@fabrikam.com,ok,False'),
      )
    }))
})
