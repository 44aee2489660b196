import { describe, expect, it } from 'vitest'
import { sanitizeCsvCheck, sanitizeReport } from '../../src/report/tool-state.ts'

describe('stored tool inputs are sanitised when read back', () => {
  it.each<[string, unknown, ReturnType<typeof sanitizeReport>]>([
    ['nothing', null, {}],
    ['a string', 'text', {}],
    ['an array', ['a'], {}],
    ['no text', { identity: 1 }, {}],
    [
      'a whole, well-formed state',
      {
        text: 'a,b',
        source: { name: 'x.csv', encoding: 'utf-16le', bom: true },
        identity: 0,
        error: 1,
        filter: 'k',
        diagnosed: true,
      },
      {
        text: 'a,b',
        source: { name: 'x.csv', encoding: 'utf-16le', bom: true },
        identity: 0,
        error: 1,
        filter: 'k',
        diagnosed: true,
      },
    ],
    [
      'damaged fields',
      {
        text: 'a',
        source: { name: 'x', encoding: 'ebcdic' },
        identity: 1.5,
        error: '2',
        filter: 7,
        diagnosed: 'yes',
      },
      { text: 'a', source: null, identity: null, error: null, filter: '', diagnosed: false },
    ],
    [
      'a source name too long to be a file name',
      { text: 'a', source: { name: 'n'.repeat(5000), encoding: 'utf-8', bom: false } },
      { text: 'a', source: null, identity: null, error: null, filter: '', diagnosed: false },
    ],
  ])('report: %s', (_, stored, expected) => {
    expect(sanitizeReport(stored)).toEqual(expected)
  })

  it.each<[string, unknown, ReturnType<typeof sanitizeCsvCheck>]>([
    ['nothing', undefined, {}],
    [
      'a well-formed state',
      {
        kind: 'imap',
        text: 'EmailAddress',
        source: null,
        domains: 'a.com',
        targets: 'b.com',
        picked: ['fcp:0'],
      },
      {
        kind: 'imap',
        text: 'EmailAddress',
        source: null,
        domains: 'a.com',
        targets: 'b.com',
        picked: ['fcp:0'],
      },
    ],
    [
      'an unknown kind, picked ids that are not strings',
      { kind: 'exchange2003', picked: [1, 2], domains: ['x'] },
      {},
    ],
    [
      'prototype keys',
      JSON.parse('{"__proto__": {"text": "x"}, "kind": "staged"}'),
      { kind: 'staged' },
    ],
  ])('CSV checker: %s', (_, stored, expected) => {
    expect(sanitizeCsvCheck(stored)).toEqual(expected)
  })
})
