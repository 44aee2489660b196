import { describe, expect, it } from 'vitest'
import { inputsStore } from '../../src/store/inputs.ts'

const s = () => inputsStore.getState()

describe('the inputs store', () => {
  it('records answers in order and drops later ones when an earlier answer changes', () => {
    s().setText('error')
    s().answer(0, 'a', 'x')
    s().answer(1, 'b', 'y')
    s().answer(2, 'c', 'z')
    expect(s().order).toEqual(['a', 'b', 'c'])
    s().answer(1, 'b', 'changed')
    expect(s().order).toEqual(['a', 'b'])
    expect(s().answers).toEqual({ a: 'x', b: 'changed' })
  })

  it('keeps later answers when the same answer is given again', () => {
    s().setText('error')
    s().answer(0, 'a', 'x')
    s().answer(1, 'b', 'y')
    s().answer(0, 'a', 'x')
    expect(s().order).toEqual(['a', 'b'])
  })

  it('starts afresh when the text changes', () => {
    s().setText('one')
    s().answer(0, 'a', 'x')
    s().setValue('mailbox', 'm')
    s().setText('two')
    expect(s()).toMatchObject({ text: 'two', answers: {}, order: [], values: {} })
  })

  it('persists to session storage and ignores damaged stored data', async () => {
    s().setText('kept')
    expect(sessionStorage.getItem('mmt-inputs')).toContain('kept')
    sessionStorage.setItem(
      'mmt-inputs',
      JSON.stringify({ state: { text: 5, answers: 'x', order: [1] }, version: 1 }),
    )
    await inputsStore.persist.rehydrate()
    expect(typeof s().text).toBe('string')
    expect(s().order).toEqual([])
  })

  it('keeps in the order only questions the stored answers hold themselves', async () => {
    // Found by the property test (seed 18472958): "valueOf" is on every object's prototype.
    sessionStorage.setItem(
      'mmt-inputs',
      JSON.stringify({
        state: { answers: { 'users-federated': 'yes' }, order: ['valueOf', 'users-federated'] },
        version: 1,
      }),
    )
    await inputsStore.persist.rehydrate()
    expect(s().order).toEqual(['users-federated'])
    expect(s().answers).toEqual({ 'users-federated': 'yes' })
  })
})
