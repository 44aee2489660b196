import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../helpers/render-app.tsx'
import { inputsStore } from '../../src/store/inputs.ts'

const moveError = `StatusDetail : FailedOther
Message      : Error: MigrationPermanentException: You shouldn’t migrate mailbox ‘nestor.wilke@contoso.com’ to Exchange 2010 or an
               earlier version while the user’s Instant Messaging contact list is stored in Exchange.`

describe('the ticket note', () => {
  it('copies the diagnosis with identifiers masked, and with them when asked', async () => {
    inputsStore.getState().setText(moveError)
    const user = renderApp(
      '/result/im-contact-list-blocks-move-to-exchange-2010?onprem-exchange-versions=has-2013-or-later',
    )
    const region = await screen.findByRole('region', { name: 'Ticket note' })
    const include = screen.getByRole('checkbox', {
      name: 'Include addresses, GUIDs and server names',
    })
    expect(include).not.toBeChecked()

    await user.click(screen.getByRole('button', { name: 'Copy ticket note (Markdown)' }))
    const masked = await navigator.clipboard.readText()
    expect(masked).toMatch(/^## Diagnosis: Move to Exchange 2010 blocked/)
    expect(masked).toContain('mailbox ‘<email>’ to Exchange 2010')
    expect(masked).toContain('-Identity "<mailbox>"')
    expect(masked).not.toContain('nestor.wilke')
    expect(masked).toContain('### Source')

    await user.click(include)
    await user.click(screen.getByRole('button', { name: 'Copy ticket note (plain text)' }))
    const full = await navigator.clipboard.readText()
    expect(full).toMatch(/^Diagnosis: Move to Exchange 2010 blocked/)
    expect(full).toContain('nestor.wilke@contoso.com')
    expect(full).not.toContain('```')
    expect(region).toBeInTheDocument()
  })
})
