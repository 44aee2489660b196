// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  applyFixes,
  checkMigrationCsv,
  maskPassword,
  parseDomains,
  type CsvKind,
} from '../../src/report/csv-check.ts'
import { parseCsvText } from '../../src/report/parse.ts'

function check(text: string, kind: CsvKind, federated: string[] = []) {
  const table = parseCsvText(text)
  return { table, findings: checkMigrationCsv(table, kind, federated) }
}

describe('checkMigrationCsv', () => {
  it.each<[string, string, CsvKind, string[], string[]]>([
    [
      'a clean staged file',
      'EmailAddress,Password,ForceChangePassword\na@x.com,P1,False\n',
      'staged',
      [],
      [],
    ],
    [
      'a staged file without the address column',
      'Mail,Password\na@x.com,P',
      'staged',
      [],
      ['missing:EmailAddress', 'unknown:0'],
    ],
    ['an unknown column', 'EmailAddress,Department\na@x.com,Sales', 'staged', [], ['unknown:1']],
    [
      'invalid, empty, spaced and duplicate addresses',
      'EmailAddress\nnot-an-address\n\n b@x.com \nB@X.com\n',
      'staged',
      [],
      ['address:0', 'spaces:1', 'duplicate:2'],
    ],
    [
      'federated users without ForceChangePassword False',
      'EmailAddress;ForceChangePassword\na@fed.com;True\nb@fed.com;False\nc@cloud.com;True\nd@FED.com;',
      'staged',
      ['fed.com'],
      ['fcp:0', 'fcp:3'],
    ],
    ['a federated user and no column', 'EmailAddress\na@fed.com', 'staged', ['fed.com'], ['fcp:0']],
    [
      'an IMAP file with an empty password and a missing user name',
      'EmailAddress,Password\na@x.com,\nb@x.com,secret',
      'imap',
      [],
      ['missing:UserName', 'password:0'],
    ],
    ['a cutover batch', 'EmailAddress\na@x.com', 'cutover', [], []],
    ['an empty file', '', 'staged', [], []],
  ])('checks %s', (_, text, kind, federated, ids) => {
    expect(check(text, kind, federated).findings.map((f) => f.id)).toEqual(ids)
  })

  it('never shows a password in a finding', () => {
    const { findings } = check('EmailAddress,Password\nbad,Sup3rSecret!', 'imap')
    expect(JSON.stringify(findings)).not.toContain('Sup3rSecret')
  })
})

describe('applyFixes', () => {
  it('changes only what was picked and says so', () => {
    const text =
      '\ufeffEmailAddress;Password;Department\n a@fed.com ;"Pa;ss";Sales\nb@fed.com;"x";IT\nb@fed.com;y;IT\n'
    const { table, findings } = check(text, 'staged', ['fed.com'])
    expect(findings.map((f) => f.id)).toEqual([
      'unknown:2',
      'spaces:0',
      'fcp:0',
      'fcp:1',
      'duplicate:2',
      'fcp:2',
    ])
    expect(applyFixes(table, findings, new Set()).changes).toEqual([])
    const { csv, changes } = applyFixes(
      table,
      findings,
      new Set(['fcp:1', 'duplicate:2', 'spaces:0']),
    )
    expect(changes.map((c) => `${c.line}: ${c.text}`)).toEqual([
      '1: Added the column ForceChangePassword.',
      '2: EmailAddress: " a@fed.com " → "a@fed.com".',
      '3: ForceChangePassword: "" → "False".',
      '4: Removed the row (a duplicate address).',
    ])
    expect(csv.split('\r\n')).toEqual([
      'EmailAddress;Password;Department;ForceChangePassword',
      'a@fed.com;"Pa;ss";Sales;',
      'b@fed.com;x;IT;False',
      '',
    ])
    expect(changes.map((c) => c.text).join(' ')).not.toMatch(/Pa;ss|"x"/)
  })
})

describe('helpers', () => {
  it.each([
    ['', '(empty)'],
    ['a', '•••'],
    ['averyveryverylongpassword', '••••••••'],
  ])('masks %j', (p, out) => expect(maskPassword(p)).toBe(out))

  it('reads domains', () =>
    expect(parseDomains(' @Contoso.com, fabrikam.com;contoso.com  x.org')).toEqual([
      'contoso.com',
      'fabrikam.com',
      'x.org',
    ]))
})
