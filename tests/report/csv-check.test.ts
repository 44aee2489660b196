// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  applyFixes,
  checkMigrationCsv,
  MAX_ROWS,
  maskPassword,
  parseDomains,
  pickGroup,
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
    [
      'rows with too few or too many fields',
      'EmailAddress,Password\na@x.com\nb@x.com,p,extra\nc@x.com,p',
      'staged',
      [],
      ['fields:0', 'fields:1'],
    ],
    [
      'a federated user on a row with too many fields: reported, not fixed automatically',
      'EmailAddress,ForceChangePassword\na@fed.com,True,x',
      'staged',
      ['fed.com'],
      ['fields:0', 'fcp:0'],
    ],
    [
      'a line whose quote never closes',
      'EmailAddress,Password\na@x.com,"p\nb@x.com,q\n',
      'staged',
      [],
      ['parse:2'],
    ],
    [
      'an IMAP file with an empty user name',
      'EmailAddress,UserName,Password\na@x.com, ,p\n',
      'imap',
      [],
      ['username:0'],
    ],
    ['an empty file', '', 'staged', [], []],
  ])('checks %s', (_, text, kind, federated, ids) => {
    expect(check(text, kind, federated).findings.map((f) => f.id)).toEqual(ids)
  })

  it('checks IMAP addresses against the Microsoft 365 domains listed', () => {
    const table = parseCsvText(
      'EmailAddress,UserName,Password\na@contoso.com,a,p\nb@oldmail.example,b,p\n',
    )
    const ids = (domains: string[]) =>
      checkMigrationCsv(table, 'imap', [], domains).map((f) => f.id)
    expect(ids([])).toEqual([])
    expect(ids(['contoso.com'])).toEqual(['target:1'])
  })

  it('says when a file has more rows than a batch takes', () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `u${i}@x.com`)
    expect(check(`EmailAddress\n${rows.join('\n')}`, 'staged').findings.map((f) => f.id)).toEqual([
      'rows',
    ])
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
      '1: Added the column ForceChangePassword (empty on rows without a fix).',
      '2: EmailAddress: " a@fed.com " → "a@fed.com".',
      '3: ForceChangePassword: "" → "False".',
      '4: Removed the row (a duplicate address).',
    ])
    expect(csv.split('\n')).toEqual([
      'EmailAddress;Password;Department;ForceChangePassword',
      'a@fed.com;"Pa;ss";Sales;',
      'b@fed.com;"x";IT;False',
      '',
    ])
    expect(changes.map((c) => c.text).join(' ')).not.toMatch(/Pa;ss|"x"/)
  })
})

describe('applyFixes keeps every byte it was not asked to change', () => {
  /** Picks every fix of `groups` and returns the fixed text. */
  function fix(text: string, groups: string[], federated = ['fed.com']) {
    const { table, findings } = check(text, 'staged', federated)
    let picked = new Set<string>()
    for (const g of groups) picked = pickGroup(picked, findings, g, true)
    return applyFixes(table, findings, picked)
  }

  it.each<[string, string, string[], string]>([
    [
      'an all-quoted Export-Csv file keeps its quotes and CRLF line ends',
      '"EmailAddress","Password","ForceChangePassword"\r\n"a@fed.com","p1","True"\r\n"b@cloud.com","p2","True"\r\n',
      ['fcp'],
      '"EmailAddress","Password","ForceChangePassword"\r\n"a@fed.com","p1","False"\r\n"b@cloud.com","p2","True"\r\n',
    ],
    [
      'LF line ends and no line break at the end',
      'EmailAddress,ForceChangePassword\na@fed.com,\nb@fed.com,TRUE',
      ['fcp'],
      'EmailAddress,ForceChangePassword\na@fed.com,False\nb@fed.com,False',
    ],
    [
      'an added column on an all-quoted file is quoted too; a short row is left alone',
      '"EmailAddress","Password"\r\n"a@fed.com","p;1"\r\n"b@cloud.com","p2"\r\n"c@x.com"\r\n',
      ['fcp'],
      '"EmailAddress","Password","ForceChangePassword"\r\n"a@fed.com","p;1","False"\r\n"b@cloud.com","p2",""\r\n"c@x.com"\r\n',
    ],
    [
      'a line that could not be read stays as it was',
      'EmailAddress,ForceChangePassword\na@fed.com,"True\nb@fed.com,True\n',
      ['fcp'],
      'EmailAddress,ForceChangePassword\na@fed.com,"True\nb@fed.com,False\n',
    ],
    [
      'removing the last row (a duplicate) without a line break after it',
      'EmailAddress\na@x.com\nA@x.com',
      ['duplicate'],
      'EmailAddress\na@x.com\n',
    ],
    [
      'removing an unknown column keeps the quoting of the others',
      'EmailAddress;Notes;Password\r\na@x.com;"x;y";"p""q"\r\n',
      ['unknown'],
      'EmailAddress;Password\r\na@x.com;"p""q"\r\n',
    ],
    [
      'values with odd characters elsewhere are untouched',
      'EmailAddress,Password,ForceChangePassword\na@fed.com,"Pa""ss ",True\nb@x.com,"€ ""é""",True\n',
      ['fcp'],
      'EmailAddress,Password,ForceChangePassword\na@fed.com,"Pa""ss ",False\nb@x.com,"€ ""é""",True\n',
    ],
  ])('%s', (_, text, groups, out) => {
    expect(fix(text, groups).csv).toBe(out)
  })

  it('leaves a row with more fields than the header alone, and says so', () => {
    const { csv, changes } = fix('EmailAddress,Password\na@fed.com,p,q\nb@fed.com,p\n', ['fcp'])
    expect(csv).toBe(
      'EmailAddress,Password,ForceChangePassword\na@fed.com,p,q\nb@fed.com,p,False\n',
    )
    expect(changes.map((c) => `${c.line}: ${c.text}`)).toEqual([
      '1: Added the column ForceChangePassword (empty on rows without a fix).',
      '2: Left as it was: the row has 3 fields and the header 2, so which value belongs to which column is unclear. Fix it by hand.',
      '3: ForceChangePassword: "" → "False".',
    ])
  })

  it('never touches a row whose fields are shifted by a missing quote', () => {
    // "x5," closes early: the row reads as 3 fields and its ForceChangePassword cell is "IT".
    const text =
      'EmailAddress,Password,ForceChangePassword,Dept\na@fed.com,"x5,"True",IT\nb@fed.com,p,True,HR\n'
    const { table, findings } = check(text, 'staged', ['fed.com'])
    expect(findings.map((f) => [f.id, f.fixes.length])).toEqual([
      ['unknown:3', 1],
      ['fields:0', 0],
      ['fcp:0', 0],
      ['fcp:1', 1],
    ])
    const all = pickGroup(new Set(), findings, 'fcp', true)
    expect(applyFixes(table, findings, all).csv).toBe(text.replace('p,True,HR', 'p,False,HR'))
  })

  it('does not also change a row that is removed', () => {
    const text = 'EmailAddress,ForceChangePassword\na@fed.com,True\na@fed.com,True\n'
    const { table, findings } = check(text, 'staged', ['fed.com'])
    const picked = new Set(['fcp:0', 'fcp:1', 'duplicate:1'])
    const { csv, changes } = applyFixes(table, findings, picked)
    expect(csv).toBe('EmailAddress,ForceChangePassword\na@fed.com,False\n')
    expect(changes.map((c) => `${c.line}: ${c.text}`)).toEqual([
      '2: ForceChangePassword: "True" → "False".',
      '3: Removed the row (a duplicate address).',
    ])
  })

  it('picks and unpicks a whole group', () => {
    const { findings } = check('EmailAddress\na@fed.com\nb@fed.com\nbad\n', 'staged', ['fed.com'])
    const all = pickGroup(new Set(['x']), findings, 'fcp', true)
    expect([...all]).toEqual(['x', 'fcp:0', 'fcp:1'])
    expect([...pickGroup(all, findings, 'fcp', false)]).toEqual(['x'])
    expect([...pickGroup(new Set(), findings, 'address', true)]).toEqual([])
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
