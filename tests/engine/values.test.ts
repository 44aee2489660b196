// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/engine/diagnose.ts'
import { findEntry } from '../../src/engine/lookups.ts'
import {
  escapePowerShell,
  extractValues,
  fillCsv,
  fillTemplate,
  isComplete,
} from '../../src/engine/values.ts'
import { IM_ENTRY, STAGED_ENTRY, kb } from '../helpers/kb.ts'

const im = findEntry(kb, IM_ENTRY)!
const staged = findEntry(kb, STAGED_ENTRY)!
const stagedBody = kb.bodies[STAGED_ENTRY]!

describe('extractValues', () => {
  it.each([
    [
      "You shouldn't migrate mailbox 'Diego Siciliani' to Exchange 2010 or an earlier version",
      'Diego Siciliani',
    ],
    [
      'You shouldn’t migrate mailbox ‘diegos@contoso.com’ to Exchange 2010 or an earlier version',
      'diegos@contoso.com',
    ],
    [
      "You shouldn't migrate mailbox 'Diego\n   Siciliani' to Exchange 2010 or an earlier version",
      'Diego Siciliani',
    ],
    ["The Mailbox alex@contoso.com isn't enabled for unified messaging.", 'alex@contoso.com'],
  ])('finds the mailbox in %j', (text, mailbox) => {
    expect(extractValues(im, diagnose(kb, text)).mailbox).toBe(mailbox)
  })

  it('prefers the address when the error names a display name and the paste has one address', () => {
    const text =
      "Identity : megan@contoso.com\nError : You shouldn't migrate mailbox 'Megan Bowen' to Exchange 2010 or an earlier version"
    expect(extractValues(im, diagnose(kb, text)).mailbox).toBe('megan@contoso.com')
  })

  it('takes the staged user from the Windows Live message', () => {
    const text =
      'A Windows Live error occurred while provisioning for "ann@northwind.com". An internal error'
    expect(extractValues(staged, diagnose(kb, text)).mailbox).toBe('ann@northwind.com')
  })
})

describe('fillTemplate', () => {
  const template = 'Set-Mailbox -Identity "{mailbox}" -ImListMigrationCompleted $false'
  it('fills the value', () => {
    expect(fillTemplate(template, { mailbox: 'john@contoso.com' })).toBe(
      'Set-Mailbox -Identity "john@contoso.com" -ImListMigrationCompleted $false',
    )
  })
  it('leaves a visible placeholder when the value is missing', () => {
    expect(fillTemplate(template, {})).toBe(
      'Set-Mailbox -Identity "<mailbox>" -ImListMigrationCompleted $false',
    )
    expect(isComplete(template, {})).toBe(false)
    expect(isComplete(template, { mailbox: '  ' })).toBe(false)
    expect(isComplete(template, { mailbox: 'x' })).toBe(true)
  })
  it.each([
    ['a"; Remove-Mailbox x; "', 'a`"; Remove-Mailbox x; `"'],
    ['$(Remove-Mailbox x)', '`$(Remove-Mailbox x)'],
    ['back`tick', 'back``tick'],
    ['curly “quote”', 'curly `"quote`"'],
    ['two\nlines', 'two lines'],
  ])('escapes %j so it stays a string', (value, escaped) => {
    expect(escapePowerShell(value)).toBe(escaped)
  })
})

describe('fillCsv', () => {
  it('writes the header and the corrected row', () => {
    expect(fillCsv(stagedBody.csvFix!, { mailbox: 'joe@contoso.com' })).toBe(
      'EmailAddress,Password,ForceChangePassword\njoe@contoso.com,<leave the existing value>,False',
    )
  })
  it('quotes a value that would break the CSV', () => {
    expect(fillCsv(stagedBody.csvFix!, { mailbox: 'a,"b"' }).split('\n')[1]).toBe(
      '"a,""b""",<leave the existing value>,False',
    )
  })
})

describe('values the error does not name', () => {
  it('leaves {server} and {guid} for the user when the paste only has a request id and a cloud server', () => {
    const text =
      "The Mailbox pat@contoso.com isn't enabled for unified messaging.\n    + FullyQualifiedErrorId : [Server=BN8PR12MB3456,RequestId=5b1c2e7a-0f3d-4a77-9a43-2d6f1f7c0e11] X"
    const v = extractValues(im, diagnose(kb, text))
    expect(v.server).toBeUndefined()
    expect(v.guid).toBeUndefined()
    expect(v.mailbox).toBe('pat@contoso.com')
  })
})

describe('values inside a quoted filter', () => {
  it("doubles a single quote inside '…' so a -Filter value stays one literal", () => {
    expect(
      fillTemplate(`Get-ADUser -Filter "mail -eq '{address}'"`, { address: "o'brien@contoso.com" }),
    ).toBe(`Get-ADUser -Filter "mail -eq 'o''brien@contoso.com'"`)
  })
})
