import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { encodeText, type Encoding } from '../../src/report/decode.ts'
import { clearTool, storageHealth } from '../../src/report/tool-state.ts'
import { renderApp as renderAt } from '../helpers/render-app.tsx'

beforeEach(() => {
  clearTool('csv-check')
  storageHealth.setState({ refused: {} })
})

/** Catches what the page downloads: the Blob behind the link and the file name. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = []
  let last: Blob | null = null
  Object.assign(URL, {
    createObjectURL: vi.fn((b: Blob) => {
      last = b
      return 'blob:test'
    }),
    revokeObjectURL: vi.fn(),
  })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (last) files.push({ name: this.download, blob: last })
  })
  return files
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer())

const renderApp = (path = '/csv-check') => renderAt(path)

describe('the migration CSV checker', () => {
  it('is linked from the KB 2845956 result page', async () => {
    const user = renderApp('/result/staged-migration-federated-users-force-change-password')
    await user.click(await screen.findByRole('link', { name: 'Check a migration CSV file' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check a migration CSV file' }),
    ).toBeInTheDocument()
  })

  it('finds federated users, masks passwords and fixes only what is ticked', async () => {
    const user = renderApp()
    await user.type(
      await screen.findByLabelText('Federated domains (AD FS or another identity provider)'),
      'fed.com',
    )
    await user.click(screen.getByLabelText('CSV file'))
    await user.paste(
      'EmailAddress,Password,ForceChangePassword\na@fed.com,Secr3tPass,True\nb@fed.com,Other1,True\nbad-address,Xyz123,False\n',
    )
    const findings = screen.getByRole('region', { name: 'Findings' })
    expect(within(findings).getByText('3 rows checked: 3 findings.')).toBeInTheDocument()
    expect(within(findings).getByText('Not a valid email address.')).toBeInTheDocument()
    expect(document.body).not.toHaveTextContent('Secr3tPass')
    const download = within(findings).getByRole('button', { name: 'Download the fixed file' })
    expect(download).toBeDisabled()

    await user.click(within(findings).getByRole('checkbox', { name: /Set it to False \(line 2,/ }))
    expect(
      within(findings).getByText('Line 2: ForceChangePassword: "True" → "False".'),
    ).toBeInTheDocument()
    expect(within(findings).getAllByRole('listitem')).toHaveLength(1)
    expect(download).toBeEnabled()
  })

  it('says a cutover batch takes no CSV file', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Cutover migration'))
    expect(screen.getByRole('status')).toHaveTextContent(/takes no user CSV file/)
    expect(screen.queryByLabelText('CSV file')).toBeNull()
  })
})

describe('migration CSV files as Windows tools write them', () => {
  // An all-quoted Export-Csv file with a name the ANSI code page writes in one byte.
  const original =
    '"EmailAddress","Password","ForceChangePassword","DisplayName"\r\n' +
    '"juergen@fed.com","Pä55;w0rd","True","Jürgen Müller"\r\n' +
    '"ana@cloud.com","S3cret€","True","Ana"\r\n' +
    '"li@FED.com","X1","","Li"\r\n'
  const expected =
    '"EmailAddress","Password","ForceChangePassword","DisplayName"\r\n' +
    '"juergen@fed.com","Pä55;w0rd","False","Jürgen Müller"\r\n' +
    '"ana@cloud.com","S3cret€","True","Ana"\r\n' +
    '"li@FED.com","X1","False","Li"\r\n'

  it.each<[Encoding, boolean, string]>([
    ['windows-1252', false, 'Windows-1252 (ANSI)'],
    ['utf-8', true, 'UTF-8 with a byte-order mark'],
    ['utf-16le', true, 'UTF-16 LE with a byte-order mark'],
  ])(
    'fixes federated users in a %s file and writes it back the same way',
    async (encoding, bom, label) => {
      const downloads = catchDownloads()
      const user = renderApp()
      await user.type(
        await screen.findByLabelText('Federated domains (AD FS or another identity provider)'),
        'fed.com',
      )
      await user.upload(
        screen.getByLabelText('Or open a file'),
        new File([encodeText(original, encoding, bom)], 'wave3.csv'),
      )
      expect(
        await screen.findByText(`wave3.csv loaded (${label}): 3 rows`, { exact: false }),
      ).toBeInTheDocument()
      const findings = screen.getByRole('region', { name: 'Findings' })
      expect(within(findings).getByText('3 rows checked: 3 findings.')).toBeInTheDocument()
      expect(document.body).not.toHaveTextContent(/Pä55|S3cret/)
      await user.click(
        within(findings).getByLabelText(
          'Set ForceChangePassword to False for all 2 federated users',
        ),
      )
      expect(
        within(findings)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Line 2: ForceChangePassword: "True" → "False".',
        'Line 4: ForceChangePassword: "" → "False".',
      ])
      expect(
        within(findings).getByText(`written as ${label}, like yours`, { exact: false }),
      ).toBeInTheDocument()
      await user.click(within(findings).getByRole('button', { name: 'Download the fixed file' }))
      expect(downloads.map((d) => d.name)).toEqual(['wave3-fixed.csv'])
      const got = await bytesOf(downloads[0]?.blob ?? new Blob())
      expect([...got]).toEqual([...encodeText(expected, encoding, bom)])
    },
  )

  it.each<[string, Uint8Array<ArrayBuffer>, RegExp]>([
    [
      'an Excel workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]),
      /^wave\.xlsx: This file is not text: it looks like an Excel workbook/,
    ],
    ['an empty file', new Uint8Array(0), /^wave\.xlsx: The file is empty\.$/],
    [
      'a PDF',
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]),
      /^wave\.xlsx: This file is not text: it looks like a PDF/,
    ],
  ])('says clearly why %s cannot be checked', async (_, bytes, message) => {
    renderApp()
    fireEvent.drop(await screen.findByLabelText('CSV file'), {
      dataTransfer: { files: [new File([bytes], 'wave.xlsx')] },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.queryByRole('region', { name: 'Findings' })).toBeNull()
  })

  it('says when pasted text is not a CSV file', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('CSV file'))
    await user.paste('\u0001\u0002\u0003\u0004PK\u0005\u0006\u0007\u0008')
    expect(await screen.findByRole('alert')).toHaveTextContent(/not a CSV file/)
    expect(screen.queryByRole('region', { name: 'Findings' })).toBeNull()
  })
})

describe('the checker loses nothing on Back or reload', () => {
  it('keeps the file, the domains and the ticked fixes; Clear the file forgets the file', async () => {
    let user = renderApp()
    await user.type(
      await screen.findByLabelText('Federated domains (AD FS or another identity provider)'),
      'fed.com',
    )
    await user.upload(
      screen.getByLabelText('Or open a file'),
      new File(['EmailAddress,Password\r\na@fed.com,Secr3tPass\r\n'], 'wave.csv'),
    )
    await user.click(await screen.findByRole('checkbox', { name: /^Set it to False \(line 2,/ }))
    cleanup()
    user = renderApp()
    expect(await screen.findByText(/^wave\.csv loaded \(UTF-8\): 1 row/)).toBeInTheDocument()
    expect(
      screen.getByLabelText('Federated domains (AD FS or another identity provider)'),
    ).toHaveValue('fed.com')
    expect(screen.getByRole('checkbox', { name: /^Set it to False \(line 2,/ })).toBeChecked()
    expect(sessionStorage.getItem('mmt-csv-check')).toContain('Secr3tPass')
    expect(document.body).not.toHaveTextContent('Secr3tPass')

    await user.click(screen.getByRole('button', { name: 'Clear the file' }))
    expect(screen.getByLabelText('CSV file')).toBeInTheDocument()
    expect(sessionStorage.getItem('mmt-csv-check')).not.toContain('Secr3tPass')
    expect(
      screen.getByLabelText('Federated domains (AD FS or another identity provider)'),
    ).toHaveValue('fed.com')
  })
})
