// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/triage.ts'
import { IM_ENTRY, STAGED_ENTRY, kb } from '../helpers/kb.ts'

function triage(args: string[], stdin = '') {
  let out = ''
  let err = ''
  const code = run(args, { stdin: () => stdin, out: (s) => (out += s), err: (s) => (err += s) }, kb)
  return { code, out, err }
}

const staged =
  'A Windows Live error occurred while provisioning for "kim@contoso.com". An internal error occurred while talking to Windows Live. Additional details: "0x800482101033This action is currently blocked for the API.'

describe('npm run triage', () => {
  it('prints the diagnosis for people, with the corrected CSV row', () => {
    const r = triage([], staged)
    expect(r.code).toBe(0)
    expect(r.out).toContain('Staged migration rejects federated users')
    expect(r.out).toContain('kim@contoso.com,<leave the existing value>,False')
    expect(r.out).toContain('KB 2845956')
  })

  it('--json prints one object', () => {
    const r = triage(['--json'], staged)
    const j = JSON.parse(r.out) as {
      verdict: string
      matches: { id: string; sources: { kb: string; url: string }[] }[]
    }
    expect(j.verdict).toBe('match')
    expect(j.matches[0]?.id).toBe(STAGED_ENTRY)
    expect(j.matches[0]?.sources[0]?.url.split('/').pop()).toBe('cannot-perform-stage-migration')
  })

  it('--jsonl answers each line in order, and flags lines it cannot read', () => {
    const input = [
      JSON.stringify({
        id: 'a',
        text: "The Mailbox x@contoso.com isn't enabled for unified messaging.",
      }),
      JSON.stringify({ id: 7, text: 'Cannot start Microsoft Outlook.' }),
      '',
      'not json',
      JSON.stringify({ id: 'c', text: staged }),
    ].join('\n')
    const r = triage(['--jsonl'], input)
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.id)).toEqual(['a', 7, null, 'c'])
    expect(lines.map((l) => l.verdict)).toEqual(['match', 'none', undefined, 'match'])
    expect((lines[0]!.matches as { id: string }[])[0]!.id).toBe(IM_ENTRY)
    expect(lines[2]!.error).toBeTruthy()
    expect(r.code).toBe(1)
  })

  it('--fact answers a question and can rule an entry out', () => {
    const r = triage(['--json', '--fact', 'users-federated=no'], staged)
    const j = JSON.parse(r.out) as { verdict: string; closest: { id: string; reasons: string[] }[] }
    expect(j.verdict).toBe('none')
    expect(j.closest[0]?.id).toBe(STAGED_ENTRY)
  })

  it('--list --json lists every entry with its sources', () => {
    const j = JSON.parse(triage(['--list', '--json']).out) as {
      entries: { id: string; sources: { url: string }[] }[]
    }
    expect(j.entries.map((e) => e.id).sort()).toEqual(kb.entries.map((e) => e.id).sort())
    for (const e of j.entries) expect(e.sources.length).toBeGreaterThan(0)
  })

  it.each([
    [['--fact', 'nonsense'], /question=value/],
    [['--fact', 'no-such=yes'], /no question "no-such"/],
    [['--fact', 'users-federated=perhaps'], /not an answer/],
    [['--bogus'], /unknown option --bogus/],
    [['/no/such/file.txt'], /Cannot read \/no\/such\/file.txt/],
  ])('rejects %j with a clear message', (args, message) => {
    const r = triage(args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })

  it('says so when there is no text', () => {
    expect(triage([], '   ').out).toMatch(/No error text was given/)
  })

  it('says "No known match" for an unrelated error', () => {
    expect(triage([], '550 5.1.10 RESOLVER.ADR.RecipientNotFound').out).toMatch(/^No known match/)
  })
})

describe('the triage command as a process', () => {
  it('reads a file argument and stdin', async () => {
    const { execFileSync } = await import('node:child_process')
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'triage-')), 'err.txt')
    writeFileSync(file, staged)
    const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx')
    const cli = join(import.meta.dirname, '../../src/cli/triage.ts')
    const fromFile = JSON.parse(execFileSync(tsx, [cli, '--json', file], { encoding: 'utf8' })) as {
      verdict: string
    }
    expect(fromFile.verdict).toBe('match')
    const fromStdin = execFileSync(tsx, [cli], {
      input: 'Cannot start Microsoft Outlook.',
      encoding: 'utf8',
    })
    expect(fromStdin).toMatch(/^No known match/)
  }, 30_000)
})
