// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTENT_DIR, ContentError, loadKb } from '../../src/content/compile.ts'
import { diagnose, diagnoseBySymptom } from '../../src/engine/diagnose.ts'
import { fillTemplate } from '../../src/engine/values.ts'
import { kb } from '../helpers/kb.ts'

describe('every entry', () => {
  const samples = kb.full.flatMap((e) => e.samples.map((text, i) => ({ id: e.id, i, text })))

  it.each(samples)('ranks $id first for its own sample $i', ({ id, text }) => {
    const d = diagnose(kb, text)
    // First, or tied first with entries that share the same error text (questions split those).
    const top = d.candidates[0]?.score ?? 0
    const first = d.live.filter((c) => top - c.score < 1e-9).map((c) => c.entryId)
    expect(first).toContain(id)
  })

  it.each(kb.entries.map((e) => [e.id, e]))(
    '%s cites a Microsoft Learn troubleshooting article (with its KB number when it has one)',
    (_, e) => {
      const primary = e.sources.filter((s) => s.role === 'primary')
      expect(primary.length).toBeGreaterThan(0)
      for (const s of primary) {
        expect(s.url).toMatch(
          /^https:\/\/learn\.microsoft\.com\/(en-us\/)?troubleshoot\/[a-z0-9/-]+\/[A-Za-z0-9.-]+$/,
        )
        if (s.kb !== null) expect(s.kb).toMatch(/^\d{6,7}$/)
      }
    },
  )

  it.each(kb.full.map((e) => [e.id, e]))(
    '%s has commands that name their shell and fill cleanly',
    (_, e) => {
      for (const c of e.commands) {
        expect(fillTemplate(c.template, {})).not.toMatch(/\{[a-z]+\}/)
        expect(c.runsOn.length).toBeGreaterThan(5)
        if (c.risk === 'data-loss') expect(c.riskNote).toBeTruthy()
      }
    },
  )

  it('has a wrong-fix signature wherever the article gives the wrong fix its own error', () => {
    const im = kb.entries.find((e) => e.id === 'im-contact-list-blocks-move-to-exchange-2010')
    expect(im?.signatures.some((s) => s.origin === 'wrong-fix')).toBe(true)
  })
})

describe('every question', () => {
  it.each(kb.questions.map((q) => [q.id, q]))(
    '%s says how to find out and has real options',
    (_, q) => {
      expect(q.howToFindOut.text.length).toBeGreaterThan(10)
      expect(q.options.length).toBeGreaterThanOrEqual(2)
    },
  )
})

describe('a bad content file', () => {
  let dir = ''
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-'))
    cpSync(CONTENT_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') })
    return dir
  }
  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const path = join(dir, file)
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    change(json)
    writeFileSync(path, JSON.stringify(json))
  }
  const problems = () => {
    try {
      loadKb(dir)
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError)
      return (e as ContentError).problems
    }
    return []
  }
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const file = 'entries/staged-migration-federated-users-force-change-password.json'

  it('fails naming the file and the field of a missing cause', () => {
    copy()
    edit(file, (j) => delete j.cause)
    expect(problems()).toEqual([expect.stringMatching(new RegExp(`^${file} → cause: `))])
  })

  it('rejects unknown fields', () => {
    copy()
    edit(file, (j) => (j.colour = 'blue'))
    expect(problems().join('\n')).toMatch(/→ \(file\): .*colour/)
  })

  it('rejects a condition on an unknown question or option', () => {
    copy()
    edit(file, (j) => {
      const c = j.conditions as { question: string; accept: string[] }[]
      c[0]!.question = 'no-such-question'
      c[1]!.accept = ['maybe']
    })
    const p = problems().join('\n')
    expect(p).toContain(`${file} → conditions.0.question: unknown question "no-such-question"`)
    expect(p).toContain(
      `${file} → conditions.1.question: "maybe" is not an option of question "users-federated"`,
    )
  })

  it('rejects a citation that is not a learn.microsoft.com address', () => {
    copy()
    edit(file, (j) => ((j.sources as { url: string }[])[0]!.url = 'https://example.com/kb'))
    expect(problems().join('\n')).toContain(
      `${file} → sources.0.url: must be a learn.microsoft.com address`,
    )
  })

  it('rejects a command placeholder that is not declared', () => {
    copy()
    edit('entries/im-contact-list-blocks-move-to-exchange-2010.json', (j) => {
      ;(j.commands as { template: string }[])[0]!.template = 'Get-Mailbox {server}'
    })
    expect(problems().join('\n')).toContain(
      'commands.0.template: placeholder {server} is not declared in values',
    )
  })

  it('rejects broken JSON', () => {
    copy()
    writeFileSync(join(dir, file), '{ "id": ')
    expect(problems().join('\n')).toMatch(new RegExp(`${file} → \\(file\\): not valid JSON`))
  })

  it('rejects a file whose name differs from its id', () => {
    copy()
    edit(file, (j) => (j.id = 'renamed-entry'))
    expect(problems().join('\n')).toContain(`${file} → id: must equal the file name`)
  })
})

describe('entries that share error text', () => {
  /**
   * A question only other entries depend on asks about their causes; in this entry's deployment
   * those are absent, so the answer is one none of them accepts (or "I don't know").
   */
  function notTheOthers(entryId: string, question: string): string {
    const q = kb.questions.find((x) => x.id === question)
    const taken = (v: string) =>
      kb.full.some(
        (x) =>
          x.id !== entryId &&
          x.conditions.some((c) => c.question === question && c.accept.includes(v)),
      )
    return q?.options.find((o) => !taken(o.value))?.value ?? 'unknown'
  }

  /** Answers the wizard's questions as this entry's deployment would, until it stops asking. */
  function walk(entryId: string, text: string) {
    const entry = kb.full.find((e) => e.id === entryId)!
    const answers: Record<string, string> = {}
    for (let i = 0; i < 12; i++) {
      const d = diagnose(kb, text, answers)
      if (!d.nextQuestion) return d
      const q = d.nextQuestion.id
      const c = entry.conditions.find((x) => x.question === q)
      const w = [...entry.steps, ...entry.commands].find((x) => x.when?.question === q)
      answers[q] = c?.accept[0] ?? w?.when?.in[0] ?? notTheOthers(entryId, q)
    }
    return diagnose(kb, text, answers)
  }

  const samples = kb.full.flatMap((e) => e.samples.map((text, i) => ({ id: e.id, i, text })))
  it.each(samples)(
    '$id sample $i ends at its entry once the questions are answered',
    ({ id, text }) => {
      const d = walk(id, text)
      expect(d.verdict).toBe('match')
      expect(d.entryId).toBe(id)
    },
  )

  it.each(kb.full.filter((e) => e.symptoms.length > 0).map((e) => [e.id]))(
    '%s is confirmed through its questions when picked by symptom',
    (id) => {
      const entry = kb.full.find((e) => e.id === id)!
      const answers: Record<string, string> = {}
      let d = diagnoseBySymptom(kb, [id], answers)
      for (let i = 0; i < 12 && d.nextQuestion; i++) {
        const q = d.nextQuestion.id
        const c = entry.conditions.find((x) => x.question === q)
        const w = [...entry.steps, ...entry.commands].find((x) => x.when?.question === q)
        answers[q] = c?.accept[0] ?? w?.when?.in[0] ?? 'unknown'
        d = diagnoseBySymptom(kb, [id], answers)
      }
      expect(d.entryId).toBe(id)
    },
  )
})

describe('coverage of the reference articles', () => {
  it('cites every article of the catalogue as the primary source of some entry', async () => {
    const { default: catalogue } = (await import('./catalogue.json')) as { default: string[] }
    const cited = new Set(
      kb.full.flatMap((e) =>
        e.sources.filter((s) => s.role === 'primary').map((s) => s.url.split('/').pop() ?? ''),
      ),
    )
    expect(catalogue.filter((id) => !cited.has(id))).toEqual([])
    expect(catalogue.length).toBe(123)
  })
})

describe('commands that destroy data', () => {
  const DESTRUCTIVE =
    /\b(?:Remove-Mailbox|Disable-Mailbox|Remove-MgUser|Remove-MgDirectoryDeletedItem|Remove-PublicFolder|Remove-MailboxDatabase|Remove-StoreMailbox|PermanentlyClearPreviousMailboxInfo)\b/
  const commands = kb.full.flatMap((e) =>
    e.commands
      .filter((c) => DESTRUCTIVE.test(c.template))
      .map((c) => ({ entry: e.id, id: c.id, risk: c.risk })),
  )
  it.each(commands)(
    '$entry → $id is labelled data-loss, so copying it asks for a confirmation',
    ({ risk }) => {
      expect(risk).toBe('data-loss')
    },
  )
})
