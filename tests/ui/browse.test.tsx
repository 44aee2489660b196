import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../helpers/render-app.tsx'

describe('the symptom browser', () => {
  it('goes from "no error message" to a confirmed diagnosis through the questions', async () => {
    const user = renderApp('/')
    await user.click(screen.getByRole('link', { name: 'Start from what you see' }))
    await user.click(await screen.findByRole('link', { name: 'Hybrid move to Exchange Online' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'What do you see?' }),
    ).toBeInTheDocument()
    const title = screen.getByRole('heading', { level: 2, name: /slow/i }).textContent ?? ''
    await user.click(screen.getByRole('button', { name: `This is what I see: ${title}` }))
    // Answer each question with its first option until the diagnosis shows.
    for (let i = 0; i < 6; i++) {
      const h1 = await screen.findByRole('heading', { level: 1 })
      if (h1.textContent === title) break
      const radios = screen.getAllByRole('radio')
      await user.click(radios[0]!)
      await user.click(screen.getByRole('button', { name: 'Next' }))
    }
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
  })

  it('says so for a kind of migration it does not know', async () => {
    renderApp('/browse/no-such-kind')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No problems of this kind' }),
    ).toBeInTheDocument()
  })
})
