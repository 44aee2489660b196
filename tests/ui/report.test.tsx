import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { encodeText } from '../../src/report/decode.ts'
import {
  clearTool,
  REPORT_EMPTY,
  REPORT_KEEP_LIMIT,
  reportStore,
  storageHealth,
} from '../../src/report/tool-state.ts'
import { forgetReportResult } from '../../src/routes/ReportRoute.tsx'
import { renderApp as renderAt } from '../helpers/render-app.tsx'

beforeEach(() => {
  clearTool('report')
  forgetReportResult()
  storageHealth.setState({ refused: {} })
})

const staged = (who: string) =>
  `A Windows Live error occurred while provisioning for ""${who}"". An internal error occurred while talking to Windows Live. Additional details: ""0x800482101033This action is currently blocked for the API.`
const im = (who: string) =>
  `Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.`

const report = [
  'Status;Identity;ErrorSummary',
  `Failed;a@contoso.com;"${staged('a@contoso.com')}"`,
  `Failed;b@contoso.com;"${staged('b@contoso.com')}"`,
  `Failed;c@contoso.com;"${im('c@contoso.com')}"`,
  `Failed;d@contoso.com;"${im('d@contoso.com')}"`,
  'Failed;e@contoso.com;Kaboom for e@contoso.com in the widget',
  'Failed;f@contoso.com',
].join('\n')

const renderApp = (path = '/report') => renderAt(path)

describe('report triage', () => {
  it('is linked from the start page', async () => {
    const user = renderApp('/')
    await user.click(await screen.findByRole('link', { name: 'Triage a report of failed users' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Triage a report of failed users' }),
    ).toBeInTheDocument()
  })

  it('diagnoses every row, groups them and writes one script per fix', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Identity')
    expect(screen.getByLabelText('Error column')).toHaveDisplayValue('ErrorSummary')
    await user.click(screen.getByRole('button', { name: 'Diagnose 5 rows' }))

    const result = await screen.findByRole('region', { name: 'Result' })
    expect(
      within(result).getByText(
        /6 rows read in \d+ ms: 4 in known problems, 1 unknown, 1 unreadable/,
      ),
    ).toBeInTheDocument()
    const imGroup = within(result).getByRole('region', {
      name: /^Move to Exchange 2010 blocked.*\(2\)$/,
    })
    expect(within(imGroup).getByText(/c@contoso.com, d@contoso.com/)).toBeInTheDocument()
    const fix = await within(imGroup).findByRole('region', {
      name: 'Clear the flag that blocks the move',
    })
    expect(within(fix).getByText(/foreach \(\$u in \$users\)/)).toHaveTextContent(
      '$users = @("c@contoso.com", "d@contoso.com") foreach ($u in $users) { Set-Mailbox -Identity "$u" -ImListMigrationCompleted $false }',
    )
    // The script says where it can run: Exchange 2013 or later on-premises, not Exchange Online.
    expect(within(fix).getByText(/Run in:/).parentElement).toHaveTextContent(
      /Exchange Management Shell \(on-premises\).*2013, 2016, 2019 or Subscription Edition/,
    )
    const copy = within(fix).getByRole('button', { name: 'Copy script' })
    expect(copy).toBeDisabled()
    await user.click(within(fix).getByLabelText(/I understand what can be lost/))
    await user.click(copy)
    expect(await navigator.clipboard.readText()).toMatch(/^\$users = @\("c@contoso.com"/)

    expect(within(result).getByRole('region', { name: 'Unknown error (1)' })).toHaveTextContent(
      'Kaboom for <email> in the widget',
    )
    expect(within(result).getByText(/Line 7: The row has 2 fields/)).toBeInTheDocument()

    await user.type(within(result).getByLabelText('Filter by problem, error or user'), 'kaboom')
    expect(within(result).queryByRole('region', { name: /Move to Exchange 2010/ })).toBeNull()
    expect(within(result).getByRole('region', { name: 'Unknown error (1)' })).toBeInTheDocument()
  })

  it('reads Format-List text and lets the user change the error column', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(`Identity : a@contoso.com\nStatus   : Failed\nNote     : Kaboom\n`)
    expect(screen.getByRole('status')).toHaveTextContent(
      /Format-List text: 1 record, 1 with error text/,
    )
    expect(screen.getByLabelText('Error column')).toHaveDisplayValue('Status')
    await user.selectOptions(screen.getByLabelText('Error column'), 'Note')
    await user.click(screen.getByRole('button', { name: 'Diagnose 1 row' }))
    expect(await screen.findByRole('region', { name: 'Unknown error (1)' })).toHaveTextContent(
      'Kaboom',
    )
  })
})

/** A file as the browser hands it to the page. */
const file = (name: string, bytes: Uint8Array<ArrayBuffer>) => new File([bytes], name)

describe('the report result', () => {
  it('offers a ticket note for the whole report, users counted unless included', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    await user.click(screen.getByRole('button', { name: 'Diagnose 5 rows' }))
    const result = await screen.findByRole('region', { name: 'Result' })
    const note = within(result).getByRole('region', { name: 'Ticket note' })
    await user.click(within(note).getByRole('button', { name: 'Show the note' }))
    const preview = () => note.querySelector('pre code')?.textContent ?? ''
    expect(preview()).toMatch(
      /^## Report triage: 6 rows\n\n4 in known problems, 1 unknown, 1 unreadable\./,
    )
    expect(preview()).not.toMatch(/contoso\.com/)
    expect(preview()).toContain('- `Kaboom for <email> in the widget`: 1 row, 1 user.')
    await user.click(within(note).getByLabelText("Include the users' names"))
    expect(preview()).toContain('2 rows, 2 users: c@contoso.com, d@contoso.com.')
    await user.click(within(note).getByRole('button', { name: 'Copy ticket note (plain text)' }))
    expect(await navigator.clipboard.readText()).toMatch(/^Report triage: 6 rows\n/)
  })

  it('shows the first ten users and line numbers of a group, the rest folded', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    const rows = Array.from({ length: 13 }, (_, i) => `u${i}@x.com;Kaboom for u${i}@x.com`)
    await user.paste(['Identity;Error', ...rows].join('\n'))
    await user.click(screen.getByRole('button', { name: 'Diagnose 13 rows' }))
    const group = await screen.findByRole('region', { name: 'Unknown error (13)' })
    expect(within(group).getByText(/^Users:/).parentElement).toHaveTextContent(
      /^Users: u0@x\.com, .*, u9@x\.com and 3 more$/,
    )
    expect(within(group).getByText('All 13 users')).toBeInTheDocument()
    expect(within(group).getByText('All 13 line numbers')).toBeInTheDocument()
  })
})

describe('report files as Windows tools write them', () => {
  const fl = `Identity     : jürgen@contoso.com\r\nStatus       : Failed\r\nErrorSummary : ${im('jürgen@contoso.com')}\r\n`
  const csv = `"Identity","ErrorSummary"\r\n"Jürgen Müller","${im('jm@contoso.com')}"\r\n`
  it.each<[string, string, Uint8Array<ArrayBuffer>, RegExp, string]>([
    [
      'Format-List saved by Windows PowerShell 5.1 (UTF-16 LE)',
      'failed.txt',
      encodeText(fl, 'utf-16le', true),
      /^Read failed\.txt \(UTF-16 LE with a byte-order mark\) as Format-List text: 1 record, 1 with error text\.$/,
      'jürgen@contoso.com',
    ],
    [
      'Export-Csv -Encoding UTF8 (UTF-8 with a mark)',
      'failed.csv',
      encodeText(csv, 'utf-8', true),
      /^Read failed\.csv \(UTF-8 with a byte-order mark\) as CSV: 1 record, 1 with error text\.$/,
      'Jürgen Müller',
    ],
    [
      'Export-Csv in 5.1 without -Encoding (Windows-1252)',
      'failed.csv',
      encodeText(csv, 'windows-1252', false),
      /^Read failed\.csv \(Windows-1252 \(ANSI\)\) as CSV: 1 record, 1 with error text\.$/,
      'Jürgen Müller',
    ],
  ])('%s', async (_, name, bytes, status, who) => {
    const user = renderApp()
    await user.upload(await screen.findByLabelText('Or open a file'), file(name, bytes))
    expect(await screen.findByText(status)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Diagnose 1 row' }))
    const group = await screen.findByRole('region', {
      name: /^Move to Exchange 2010 blocked.*\(1\)$/,
    })
    expect(within(group).getByText(/^Users:/).parentElement).toHaveTextContent(`Users: ${who}`)
  })

  it.each<[string, string, Uint8Array<ArrayBuffer>, RegExp]>([
    [
      'an Excel workbook',
      'failed.xlsx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]),
      /^failed\.xlsx: This file is not text: it looks like an Excel workbook \(\.xlsx\)/,
    ],
    ['an empty file', 'empty.csv', new Uint8Array(0), /^empty\.csv: The file is empty\.$/],
    [
      'random bytes',
      'dump.bin',
      new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)),
      /^dump\.bin: This file is not text/,
    ],
  ])(
    'says clearly why %s cannot be read, and keeps what was there',
    async (_, name, bytes, msg) => {
      const user = renderApp()
      await user.click(await screen.findByLabelText('Report'))
      await user.paste(report)
      // Dropped on the paste box: a drop, unlike the file picker, takes any kind of file.
      fireEvent.drop(screen.getByLabelText('Report'), {
        dataTransfer: { files: [file(name, bytes)] },
      })
      expect(await screen.findByRole('alert')).toHaveTextContent(msg)
      expect(screen.getByLabelText('Report')).toHaveValue(report)
    },
  )
})

describe('nothing typed is lost on Back or reload', () => {
  it('keeps the report, the chosen column, the filter and the result', async () => {
    let user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    await user.selectOptions(screen.getByLabelText('User column'), 'Status')
    await user.click(screen.getByRole('button', { name: 'Diagnose 5 rows' }))
    const result = await screen.findByRole('region', { name: 'Result' })
    await user.type(within(result).getByLabelText('Filter by problem, error or user'), 'kaboom')

    // Back: the page is rendered again from the tab's state; the result is still there.
    cleanup()
    renderApp()
    expect(await screen.findByLabelText('Report')).toHaveValue(report)
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Status')
    expect(screen.getByRole('region', { name: 'Result' })).toBeInTheDocument()
    expect(screen.getByLabelText('Filter by problem, error or user')).toHaveValue('kaboom')

    // Reload: memory is gone, the tab's storage is read back, the triage runs again.
    cleanup()
    const saved = sessionStorage.getItem('mmt-report') ?? ''
    expect(saved).toContain('Kaboom for e@contoso.com')
    forgetReportResult()
    reportStore.setState({ ...REPORT_EMPTY }, true)
    sessionStorage.setItem('mmt-report', saved)
    await reportStore.persist.rehydrate()
    user = renderApp()
    expect(await screen.findByLabelText('Report')).toHaveValue(report)
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Status')
    const again = await screen.findByRole('region', { name: 'Result' })
    expect(within(again).getByRole('region', { name: 'Unknown error (1)' })).toBeInTheDocument()
    expect(within(again).queryByRole('region', { name: /Move to Exchange 2010/ })).toBeNull()

    // Clear forgets all of it, in the page and in the tab.
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByLabelText('Report')).toHaveValue('')
    expect(screen.queryByRole('region', { name: 'Result' })).toBeNull()
    expect(sessionStorage.getItem('mmt-report') ?? '').not.toContain('contoso')
  })

  it('keeps the chosen columns while rows are edited, not when the header changes', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    await user.selectOptions(screen.getByLabelText('User column'), 'Status')
    await user.type(screen.getByLabelText('Report'), '\nFailed;g@contoso.com;Kaboom')
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Status')
    await user.clear(screen.getByLabelText('Report'))
    await user.paste(report.replace('Status;', 'State;'))
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Identity')
  })

  it('says in one sentence when a report is too large to keep', async () => {
    reportStore.setState({
      text: `Identity,Error\n${'a@x.com,Boom\n'.repeat(REPORT_KEEP_LIMIT / 13 + 1)}`,
    })
    renderApp()
    expect(
      await screen.findByText(
        'This report is too large to keep in the tab, so it will not come back after a reload; everything else works.',
      ),
    ).toBeInTheDocument()
    expect(sessionStorage.getItem('mmt-report') ?? '').not.toContain('a@x.com')
    expect(screen.getByRole('button', { name: /^Diagnose \d+ rows$/ })).toBeEnabled()
  })

  it('says so when the browser refuses to store the report', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    expect(
      await screen.findByText(/too large to keep in the tab, so it will not come back/),
    ).toBeInTheDocument()
    expect(screen.getByLabelText('Report')).toHaveValue(report)
  })
})
