import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { EMPTY, inputsStore } from '../src/store/inputs.ts'

afterEach(() => {
  cleanup()
  inputsStore.setState({ ...EMPTY })
  globalThis.sessionStorage?.clear()
})
