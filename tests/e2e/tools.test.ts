/**
 * End-to-end: the helpdesk power tools (ticket note and print page, report triage, migration
 * CSV checker) in Debian's headless Chromium against the built app. Every page is scanned
 * with axe; the session guards fail on page errors, console errors and foreign requests.
 * Run `npx vite build` first.
 */
import { describe, expect, it } from 'vitest'
import { appUrl, expectAccessible, browserSuite, waitForHeading } from './helpers.ts'

const { run } = browserSuite()

const staged = (who: string) =>
  `A Windows Live error occurred while provisioning for ""${who}"". An internal error occurred while talking to Windows Live. Additional details: ""0x800482101033This action is currently blocked for the API. BN3PR04MB2210 2026.11.02.08.14.55""`
const im = (who: string) =>
  `Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.`

/** A CSV export of `n` failed users: staged, IM and unknown errors, and a few broken rows. */
function bigReport(n: number): string {
  const lines = ['"Identity","Status","ErrorSummary"']
  for (let i = 0; i < n; i++) {
    const who = `user${i}@contoso.com`
    if (i % 500 === 499) lines.push(`"${who}","Failed"`)
    else if (i % 3 === 0) lines.push(`"${who}","Failed","${staged(who)}"`)
    else if (i % 3 === 1) lines.push(`"${who}","Failed","${im(who)}"`)
    else lines.push(`"${who}","Failed","Kaboom ${i % 4} for ${who} on server SRV01"`)
  }
  return lines.join('\r\n')
}

describe('ticket note and print page', () => {
  it('offers the note on the result page and prints without navigation or buttons', () =>
    run(async (s) => {
      await s.page.goto(
        appUrl(
          s.origin,
          '/result/im-contact-list-blocks-move-to-exchange-2010?onprem-exchange-versions=has-2013-or-later',
        ),
      )
      await waitForHeading(s.page, 'Move to Exchange 2010 blocked')
      const note = s.page.getByRole('region', { name: 'Ticket note' })
      await note.getByRole('button', { name: 'Show the note' }).click()
      await expect
        .poll(() => note.locator('pre code').textContent())
        .toMatch(/^## Diagnosis: Move to Exchange 2010 blocked/)
      await expectAccessible(s, 'result page with the ticket note')
      await s.page.emulateMedia({ media: 'print' })
      expect(await s.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
      expect(await note.isVisible()).toBe(false)
      expect(await s.page.getByRole('button').filter({ visible: true }).count()).toBe(0)
    }))
})

describe('report triage', () => {
  it('triages 10,000 rows in a worker, with progress, groups and scripts', () =>
    run(
      async (s) => {
        await s.page.goto(appUrl(s.origin, '/'))
        await s.page.getByRole('link', { name: 'Triage a report of failed users' }).click()
        await waitForHeading(s.page, 'Triage a report of failed users')
        await expectAccessible(s, 'report triage, empty')
        // A file this size is opened, not typed: the file picker is the way in.
        await s.page.getByLabel('Or open a file').setInputFiles({
          name: 'failed-users.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(bigReport(10_000)),
        })
        await s.page.getByRole('button', { name: 'Diagnose 9980 rows' }).click()
        const result = s.page.getByRole('region', { name: 'Result' })
        const status = result.getByRole('status').first()
        await status.waitFor({ timeout: 30_000 })
        const summary = (await status.textContent()) ?? ''
        expect(summary).toMatch(
          /^10000 rows read in \d+ ms: 6653 in known problems, 3327 unknown, 20 unreadable\.$/,
        )
        console.log(`report triage in Chromium: ${summary}`)
        expect(s.requests.some((u) => /\/assets\/worker-[\w-]+\.js$/.test(u))).toBe(true)

        const imGroup = result.getByRole('region', {
          name: /^Move to Exchange 2010 blocked.*\(3326\)$/,
        })
        const fix = imGroup.getByRole('region', { name: 'Clear the flag that blocks the move' })
        await expect
          .poll(() => fix.locator('pre code').textContent())
          .toMatch(/^\$users = @\("user1@contoso.com", "user4@contoso.com"/)
        await expect
          .poll(() => fix.getByRole('button', { name: 'Copy script' }).isDisabled())
          .toBe(true)
        await expect
          .poll(() => result.getByRole('region', { name: /^Unknown error/ }).count())
          .toBe(4)
        await expectAccessible(s, 'report triage, result')

        const download = s.page.waitForEvent('download')
        await result.getByRole('button', { name: 'Download CSV' }).click()
        expect((await download).suggestedFilename()).toBe('triage.csv')
      },
      { clipboard: true },
    ))

  it('cancels a run', () =>
    run(async (s) => {
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'failed-users.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(bigReport(3000)),
      })
      await s.page.getByRole('button', { name: /^Diagnose \d+ rows$/ }).click()
      const cancel = s.page.getByRole('button', { name: 'Cancel' })
      // A fast machine may finish first; either way the page must end in a settled state.
      if (await cancel.isVisible()) await cancel.click({ timeout: 1000 }).catch(() => {})
      await expect
        .poll(
          async () =>
            (await s.page.getByText('Cancelled.').count()) +
            (await s.page.getByRole('region', { name: 'Result' }).count()),
        )
        .toBeGreaterThan(0)
    }))
})

describe('migration CSV checker', () => {
  it('checks a staged file from the KB 2845956 page and downloads only the ticked fixes', () =>
    run(async (s) => {
      await s.page.goto(
        appUrl(s.origin, '/result/staged-migration-federated-users-force-change-password'),
      )
      await waitForHeading(s.page, 'Staged migration rejects federated users')
      await s.page.getByRole('link', { name: 'Check a migration CSV file' }).click()
      await waitForHeading(s.page, 'Check a migration CSV file')
      await expectAccessible(s, 'CSV checker, empty')
      await s.page
        .getByLabel('Federated domains (AD FS or another identity provider)')
        .fill('fabrikam.com')
      await s.page.getByLabel('Or open a file').setInputFiles({
        name: 'wave3.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\ufeffEmailAddress;Password;ForceChangePassword\r\nkenji@fabrikam.com;"Pa;ss1";True\r\nkenji@fabrikam.com;Pass2;False\r\nana@contoso.com;Pass3;True\r\n',
        ),
      })
      const findings = s.page.getByRole('region', { name: 'Findings' })
      await findings.getByText('3 rows checked: 2 findings.').waitFor()
      expect(await s.page.locator('body').textContent()).not.toContain('Pa;ss1')
      await findings.getByRole('checkbox', { name: /^Set it to False \(line 2,/ }).check()
      await findings.getByText('Line 2: ForceChangePassword: "True" → "False".').waitFor()
      await expectAccessible(s, 'CSV checker, findings')
      const download = s.page.waitForEvent('download')
      await findings.getByRole('button', { name: 'Download the fixed file' }).click()
      const file = await download
      expect(file.suggestedFilename()).toBe('wave3-fixed.csv')
      const path = await file.path()
      const { readFile } = await import('node:fs/promises')
      // The file keeps its byte-order mark and everything else but the ticked change.
      expect(await readFile(path, 'utf8')).toBe(
        '\ufeffEmailAddress;Password;ForceChangePassword\r\nkenji@fabrikam.com;"Pa;ss1";False\r\nkenji@fabrikam.com;Pass2;False\r\nana@contoso.com;Pass3;True\r\n',
      )
    }))
})
