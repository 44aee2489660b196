/**
 * End-to-end: Reload and the browser's Back and Forward at every step of the wizard (start →
 * questions → result) lose nothing: the paste, the answers, the values typed into a command.
 * What tests/e2e/wizard.test.ts already covers (a reload on question 2, the in-page Back links,
 * Back from a result to change an answer) is not repeated here. Run `npx vite build` first.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  answerQuestion,
  browserSuite,
  commandSection,
  pasteOnHome,
  waitForHeading,
  waitForPage,
  waitForStatus,
} from './helpers.ts'
import { FEDERATED } from './pages.ts'

const { run } = browserSuite()

const HOME = 'Diagnose a mailbox migration error'
const ADDRESS = 'oskar.berg@fourthcoffee.example'
const STAGED_PASTE = `Migration batch: Wave5-Sales
${ADDRESS}
A Windows Live error occurred while provisioning for "${ADDRESS}". An internal error occurred
while talking to Windows Live. Additional details: "0x800482101033This action is currently
blocked for the API. SA1PR08MB6612 2026.11.24.16.02.37".
`
const FEDERATED_YES = 'Yes, the domain is federated and accounts are synced'
const FORCE_CHANGE =
  'In the migration CSV file, what does the ForceChangePassword column hold for the users that failed?'
const STAGED_ENTRY = 'staged-migration-federated-users-force-change-password'
const STAGED_TITLE = 'Staged migration rejects federated users'

const IM_PASTE = `Move request for 'lena.voss@fourthcoffee.example' failed.
MigrationPermanentException: You shouldn't migrate mailbox 'lena.voss@fourthcoffee.example' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.
`
const VERSIONS = 'Which Exchange Server versions are installed in your on-premises organization?'
const HAS_2013 = 'At least one server runs Exchange 2013, 2016, 2019 or Subscription Edition'
const IM_ENTRY = 'im-contact-list-blocks-move-to-exchange-2010'
const IM_TITLE = 'Move to Exchange 2010 blocked'
const CLEAR_FLAG = 'Clear the flag that blocks the move'

async function pasteBox(page: Page): Promise<string> {
  return page.getByLabel('Error text', { exact: true }).inputValue()
}

async function checked(page: Page, label: string): Promise<boolean> {
  return page.getByRole('radio', { name: label, exact: true }).isChecked()
}

/** What a staged result page shows that comes from the paste and the answers. */
async function stagedResult(page: Page) {
  await waitForPage(page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)
  const table = page.getByRole('table', { name: 'The corrected row in the migration CSV' })
  const path = page.getByRole('navigation', { name: 'Your answers so far' })
  return {
    url: page.url(),
    cells: await table.getByRole('cell').allTextContents(),
    answers: ((await path.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
  }
}

describe('Reload, Back and Forward lose nothing', () => {
  it('at every step from the paste to the result, and back and forth through them', () =>
    run(async (s) => {
      const { page } = s
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()

      // Question 1, not answered yet: a reload keeps the step and the paste behind it.
      await waitForPage(page, '/questions/0', FEDERATED)
      await page.reload()
      await waitForPage(page, '/questions/0', FEDERATED)
      await answerQuestion(page, FEDERATED, FEDERATED_YES)
      await waitForPage(page, '/questions/1', FORCE_CHANGE)
      await answerQuestion(page, FORCE_CHANGE, 'True')

      // The result: the address from the paste and both answers.
      const result = await stagedResult(page)
      expect(result.cells[0]).toBe(ADDRESS)
      expect(result.answers).toContain(FEDERATED_YES)
      expect(result.answers).toContain('True')
      await page.reload()
      expect(await stagedResult(page)).toEqual(result)

      // Back through every step, reloading on the way: each keeps its answer.
      await page.goBack()
      await waitForPage(page, '/questions/1', FORCE_CHANGE)
      expect(await checked(page, 'True')).toBe(true)
      await page.reload()
      await waitForPage(page, '/questions/1', FORCE_CHANGE)
      expect(await checked(page, 'True')).toBe(true)
      await page.goBack()
      await waitForPage(page, '/questions/0', FEDERATED)
      expect(await checked(page, FEDERATED_YES)).toBe(true)
      await page.reload()
      await waitForPage(page, '/questions/0', FEDERATED)
      expect(await checked(page, FEDERATED_YES)).toBe(true)
      await page.goBack()
      await waitForHeading(page, HOME)
      expect(await pasteBox(page)).toBe(STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')

      // And Forward again to the same result.
      await page.goForward()
      await waitForPage(page, '/questions/0', FEDERATED)
      expect(await checked(page, FEDERATED_YES)).toBe(true)
      await page.goForward()
      await waitForPage(page, '/questions/1', FORCE_CHANGE)
      expect(await checked(page, 'True')).toBe(true)
      await page.goForward()
      expect(await stagedResult(page)).toEqual(result)

      // Back to the start from the result and a reload there: the paste is still there.
      for (let i = 0; i < 3; i++) await page.goBack()
      await waitForHeading(page, HOME)
      await page.reload()
      await waitForHeading(page, HOME)
      expect(await pasteBox(page)).toBe(STAGED_PASTE)
    }))

  it('a value typed into a command survives Reload, Back and Forward', () =>
    run(async (s) => {
      const { page } = s
      await pasteOnHome(s, IM_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      await answerQuestion(page, VERSIONS, HAS_2013)
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      const flag = commandSection(page, CLEAR_FLAG)
      const code = async () => ((await flag.locator('pre code').textContent()) ?? '').trim()
      expect(await code()).toBe(
        'Set-Mailbox -Identity "lena.voss@fourthcoffee.example" -ImListMigrationCompleted $false',
      )
      // The admin corrects the mailbox: the alias rather than the address.
      await flag.getByLabel('Mailbox (alias or address)').fill('lvoss')
      const typed = 'Set-Mailbox -Identity "lvoss" -ImListMigrationCompleted $false'
      expect(await code()).toBe(typed)

      await page.reload()
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      expect(await flag.getByLabel('Mailbox (alias or address)').inputValue()).toBe('lvoss')
      expect(await code()).toBe(typed)

      await page.goBack()
      await waitForPage(page, '/questions/0', VERSIONS)
      expect(await checked(page, HAS_2013)).toBe(true)
      await page.goForward()
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      expect(await code()).toBe(typed)
    }))
})
