import { screen, within } from '@testing-library/react'
import type userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { inputsStore } from '../../src/store/inputs.ts'
import { renderApp } from '../helpers/render-app.tsx'

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByLabelText('Error text'))
  await user.paste(text)
}

const moveError = `StatusDetail : FailedOther
Message      : Error: MigrationPermanentException: You shouldn’t migrate mailbox ‘nestor.wilke@contoso.com’ to Exchange 2010 or an
               earlier version while the user’s Instant Messaging contact list is stored in Exchange.`

const stagedError = `The mailboxes listed in the following table can't be migrated because they contain errors.
Errors: Mailboxes -1
irvin.sayers@northwind.com
A Windows Live error occurred while provisioning for "irvin.sayers@northwind.com". An internal error occurred while talking to Windows Live. Additional details: "0x800482101033This action is currently blocked for the API.`

describe('the wizard', () => {
  it('shows the matching problem and the evidence while the user pastes', async () => {
    const user = renderApp()
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(/Paste an error above/)
    await paste(user, moveError)
    expect(await screen.findByText('One known problem matches this error.')).toBeInTheDocument()
    expect(
      screen.getByText(/Move to Exchange 2010 blocked/, { selector: '.candidate-title' }),
    ).toBeInTheDocument()
    const marks = document.querySelectorAll('mark')
    expect([...marks].map((m) => m.textContent).join(' ')).toMatch(
      /Instant Messaging contact list is stored in Exchange/,
    )
  })

  it('takes the IM contact-list error to a filled command that needs a confirmation to copy', async () => {
    const user = renderApp()
    await paste(user, moveError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: /Which Exchange Server versions are installed/,
      }),
    ).toBeInTheDocument()
    await user.click(screen.getByLabelText(/At least one server runs Exchange 2013/))
    await user.click(screen.getByRole('button', { name: 'Next' }))

    expect(
      await screen.findByRole('heading', { level: 1, name: /Move to Exchange 2010 blocked/ }),
    ).toBeInTheDocument()
    const clear = await screen.findByRole('region', {
      name: 'Clear the flag that blocks the move',
    })
    expect(
      within(clear).getByText(
        'Set-Mailbox -Identity "nestor.wilke@contoso.com" -ImListMigrationCompleted $false',
      ),
    ).toBeInTheDocument()
    const copy = within(clear).getByRole('button', { name: 'Copy command' })
    expect(copy).toBeDisabled()
    await user.click(within(clear).getByLabelText(/I understand what can be lost/))
    expect(copy).toBeEnabled()
    await user.click(copy)
    expect(await navigator.clipboard.readText()).toBe(
      'Set-Mailbox -Identity "nestor.wilke@contoso.com" -ImListMigrationCompleted $false',
    )
    expect(
      screen.getByRole('link', { name: /MigrationPermanentException error when moving mailboxes/ }),
    ).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/en-us/troubleshoot/exchange/move-mailboxes/migrationpermanentexception-error-when-moving-mailboxes',
    )
    expect(screen.getByText(/KB 2932443/)).toBeInTheDocument()
  })

  it('lets the user edit the value filled into a command', async () => {
    const user = renderApp()
    await paste(user, moveError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByLabelText(/At least one server runs Exchange 2013/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    const rollback = await screen.findByRole('region', { name: /Move the contact list back/ })
    const field = within(rollback).getByLabelText('Mailbox (alias or address)')
    await user.clear(field)
    await user.type(field, 'sip:nestor@contoso.com')
    expect(
      within(rollback).getByText('Invoke-CsUcsRollback -Identity "sip:nestor@contoso.com"'),
    ).toBeInTheDocument()
  })

  it('shows the Exchange 2010-only route and no Set-Mailbox command when every server is Exchange 2010', async () => {
    const user = renderApp()
    await paste(user, moveError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByLabelText(/Every server runs Exchange 2010 or earlier/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByRole('heading', { level: 1, name: /Move to Exchange 2010 blocked/ })
    expect(screen.queryByText(/Set-Mailbox -Identity/)).not.toBeInTheDocument()
    expect(
      await screen.findByText(/All your on-premises servers run Exchange 2010/),
    ).toBeInTheDocument()
  })

  it('goes back to change an answer and drops what depended on it', async () => {
    const user = renderApp()
    await paste(user, stagedError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByLabelText(/Yes, the domain is federated/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /ForceChangePassword column hold/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Your answers so far' })).toHaveTextContent(
      /federated.*Yes, the domain is federated/,
    )
    await user.click(screen.getByRole('link', { name: 'Back' }))
    const first = await screen.findByLabelText(/Yes, the domain is federated/)
    expect(first).toBeChecked()
    await user.click(screen.getByLabelText(/No, accounts are managed in the cloud/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No known problem matches' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        /The rejection comes from Microsoft 365 refusing to change federated accounts/,
      ),
    ).toBeInTheDocument()
    expect(inputsStore.getState().order).toEqual(['users-federated'])
  })

  it('takes the staged error to the corrected CSV row with the user from the paste', async () => {
    const user = renderApp()
    await paste(user, stagedError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByLabelText(/Yes, the domain is federated/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(await screen.findByLabelText('True'))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /ForceChangePassword must be False/ }),
    ).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: /corrected row/ })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['EmailAddress', 'Password', 'ForceChangePassword'])
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['irvin.sayers@northwind.com', '<leave the existing value>', 'False'])
    expect(screen.getByText(/KB 2845956/)).toBeInTheDocument()
  })

  it('offers a share link with the answers but never the pasted text', async () => {
    const user = renderApp()
    await paste(user, stagedError)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByLabelText(/Yes, the domain is federated/))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await user.click(await screen.findByLabelText('True'))
    await user.click(screen.getByRole('button', { name: 'Next' }))
    const share = await screen.findByRole('region', { name: 'Share or come back' })
    const link = within(share).getByText(/#\/result\//).textContent ?? ''
    expect(link).toContain('users-federated=yes')
    expect(link).toContain('csv-force-change-password=true')
    expect(link).not.toMatch(/irvin|northwind|Windows|blocked/i)
  })

  it('says plainly when nothing matches and shows what came closest', async () => {
    const user = renderApp()
    await paste(
      user,
      'Error: MigrationPermanentException: The job quota has been exceeded for the organization. Try again later.',
    )
    expect(await screen.findByText('No known problem matches this text.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'See why nothing matched' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No known problem matches' }),
    ).toBeInTheDocument()
    expect(screen.getAllByText(/shared by many different errors/).length).toBeGreaterThan(0)
  })

  it('shows HTML in a paste as text', async () => {
    const user = renderApp()
    await paste(user, '<img src=x onerror="window.__pwned=1"><b>bold</b>')
    expect(await screen.findByText('No known problem matches this text.')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('clears everything with Clear', async () => {
    const user = renderApp()
    await paste(user, stagedError)
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByLabelText('Error text')).toHaveValue('')
    expect(inputsStore.getState().text).toBe('')
  })

  it('fills the paste box from an example', async () => {
    const user = renderApp()
    await user.click(
      screen.getByRole('button', { name: /Staged migration rejects federated users/ }),
    )
    expect(screen.getByLabelText('Error text')).not.toHaveValue('')
    expect(await screen.findByText('One known problem matches this error.')).toBeInTheDocument()
  })
})

describe('links from outside', () => {
  it('opens a share link in a fresh tab with its answers', async () => {
    renderApp(
      '/result/staged-migration-federated-users-force-change-password?users-federated=yes&csv-force-change-password=empty-or-missing',
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: /ForceChangePassword must be False/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Your answers so far' })).toHaveTextContent(
      /It is empty, or the file has no ForceChangePassword column/,
    )
    expect(await screen.findByRole('table', { name: /corrected row/ })).toHaveTextContent(
      '<mailbox>',
    )
  })

  it('warns when a share link carries answers that do not fit', async () => {
    renderApp(
      '/result/staged-migration-federated-users-force-change-password?users-federated=no&junk=1',
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Your answers do not fit this problem/,
    )
    expect(screen.getByText(/Part of this link was not understood/)).toHaveTextContent('junk')
  })

  it.each([
    ['/result/no-such-entry', 'This problem is not in the knowledge base'],
    ['/kb/no-such-entry', 'This problem is not in the knowledge base'],
    ['/questions/0', 'Nothing to diagnose yet'],
    ['/questions/abc', 'Nothing to diagnose yet'],
    ['/no-match', 'Nothing to diagnose yet'],
    ['/some/where/else', 'Page not found'],
  ])('%s lands on a clear page', async (path, heading) => {
    renderApp(path)
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
  })

  it('has a permanent page per entry, reachable from the list', async () => {
    const user = renderApp('/kb')
    await user.click(screen.getByRole('link', { name: /Move to Exchange 2010 blocked/ }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /Move to Exchange 2010 blocked/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Error text it covers' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Error text it covers' })).toHaveTextContent(
      /isn't enabled for unified messaging/,
    )
    // With no answers, both variants of the fix are shown, each with its condition.
    expect(screen.getAllByText(/^If /).length).toBeGreaterThanOrEqual(2)
  })
})
