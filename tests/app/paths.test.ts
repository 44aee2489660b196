// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  absoluteLink,
  answersQuery,
  consumeErrorParam,
  parseAnswers,
  paths,
} from '../../src/app/paths.ts'
import { kb } from '../helpers/kb.ts'

describe('answers in links', () => {
  it('round-trips answers in the order given', () => {
    const q = answersQuery({ 'users-federated': 'yes', 'csv-force-change-password': 'true' }, [
      'csv-force-change-password',
      'users-federated',
    ])
    expect(q).toBe('csv-force-change-password=true&users-federated=yes')
    expect(parseAnswers(kb, q)).toEqual({
      answers: { 'csv-force-change-password': 'true', 'users-federated': 'yes' },
      order: ['csv-force-change-password', 'users-federated'],
      ignored: [],
    })
  })

  it.each([
    ['an unknown question', 'colour=blue', ['colour']],
    ['an unknown option', 'users-federated=perhaps', ['users-federated']],
    ['broken percent-encoding', 'users-federated=%E0%A4%A', ['users-federated']],
    ['a repeated question', 'users-federated=yes&users-federated=no', ['users-federated']],
  ])('drops %s and keeps the rest', (_, search, ignored) => {
    const p = parseAnswers(kb, `${search}&migration-type=staged`)
    expect(p.ignored).toEqual(ignored)
    expect(p.answers['migration-type']).toBe('staged')
  })

  it('accepts "unknown" for any question', () => {
    expect(parseAnswers(kb, 'users-federated=unknown').answers).toEqual({
      'users-federated': 'unknown',
    })
  })

  it('never puts pasted text in a result link', () => {
    const link = absoluteLink(
      paths.result('some-entry', { 'users-federated': 'yes' }, ['users-federated']),
      {
        origin: 'https://tool.example',
        pathname: '/triage/',
        search: '?error=secret',
      },
    )
    expect(link).toBe('https://tool.example/triage/#/result/some-entry?users-federated=yes')
  })
})

describe('?error= links', () => {
  const consume = (loc: { search: string; hash: string; pathname: string }) => {
    const replaced: string[] = []
    const value = consumeErrorParam(loc, (u) => replaced.push(u))
    return { value, replaced }
  }

  it('takes the text from the query and cleans the address bar', () => {
    const r = consume({
      search: '?error=This%20action%20is%20blocked&x=1',
      hash: '',
      pathname: '/app/',
    })
    expect(r.value).toBe('This action is blocked')
    expect(r.replaced).toEqual(['/app/?x=1#/'])
  })

  it('takes the text from inside the hash', () => {
    const r = consume({ search: '', hash: '#/?error=abc', pathname: '/' })
    expect(r.value).toBe('abc')
    expect(r.replaced).toEqual(['/#/'])
  })

  it('does nothing without the parameter', () => {
    expect(consume({ search: '?x=1', hash: '#/kb', pathname: '/' })).toEqual({
      value: null,
      replaced: [],
    })
  })

  it('survives malformed encoding and cuts very long values', () => {
    expect(consume({ search: '?error=%E0%A4%A', hash: '', pathname: '/' }).value).toMatch(/%A$/)
    expect(
      consume({ search: `?error=${'a'.repeat(200_000)}`, hash: '', pathname: '/' }).value,
    ).toHaveLength(100_000)
  })
})
