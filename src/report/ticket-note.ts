/**
 * A note for a helpdesk ticket: the error (masked unless the user includes identifiers), the
 * answers, the diagnosis, the steps, the commands and the source, as Markdown or plain text.
 * Pure: the route gathers the pieces, this only formats them.
 */

export interface TicketNoteInput {
  /** The error as it goes in the note (already masked when identifiers are left out). */
  error: string
  answers: readonly { question: string; answer: string }[]
  title: string
  cause: string
  steps: readonly { text: string; condition?: string }[]
  commands: readonly { label: string; text: string }[]
  source: { title: string; url: string; kb: string | null } | null
}

export type NoteFormat = 'markdown' | 'text'

/** A code fence longer than any run of backticks in `text`. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(Math.max(3, longest + 1))
}

function block(text: string, lang: string): string {
  const f = fence(text)
  return `${f}${lang}\n${text}\n${f}`
}

/** Escapes characters that would turn plain words into Markdown markup. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
}

/** Formats the note. Sections without content are left out. */
export function ticketNote(input: TicketNoteInput, format: NoteFormat): string {
  const error = input.error.replace(/\r\n?/g, '\n').trim()
  const parts: string[] = []
  const sourceLine = input.source
    ? `${input.source.title}${input.source.kb ? ` (KB ${input.source.kb})` : ''}`
    : ''
  if (format === 'markdown') {
    parts.push(`## Diagnosis: ${md(input.title)}`)
    if (error) parts.push(`### Error\n\n${block(error, 'text')}`)
    if (input.answers.length)
      parts.push(
        `### Answers\n\n${input.answers.map((a) => `- ${md(a.question)} **${md(a.answer)}**`).join('\n')}`,
      )
    parts.push(`### Cause\n\n${md(input.cause)}`)
    if (input.steps.length)
      parts.push(
        `### Steps\n\n${input.steps
          .map((s, i) => `${i + 1}. ${s.condition ? `*${md(s.condition)}:* ` : ''}${md(s.text)}`)
          .join('\n')}`,
      )
    if (input.commands.length)
      parts.push(
        `### Commands\n\n${input.commands
          .map((c) => `${md(c.label)}:\n\n${block(c.text, 'powershell')}`)
          .join('\n\n')}`,
      )
    if (input.source) parts.push(`### Source\n\n[${md(sourceLine)}](${input.source.url})`)
  } else {
    parts.push(`Diagnosis: ${input.title}`)
    if (error) parts.push(`Error:\n${indent(error)}`)
    if (input.answers.length)
      parts.push(`Answers:\n${input.answers.map((a) => `- ${a.question} ${a.answer}`).join('\n')}`)
    parts.push(`Cause:\n${input.cause}`)
    if (input.steps.length)
      parts.push(
        `Steps:\n${input.steps
          .map((s, i) => `${i + 1}. ${s.condition ? `${s.condition}: ` : ''}${s.text}`)
          .join('\n')}`,
      )
    if (input.commands.length)
      parts.push(
        `Commands:\n${input.commands.map((c) => `${c.label}:\n${indent(c.text)}`).join('\n\n')}`,
      )
    if (input.source) parts.push(`Source: ${sourceLine}\n${input.source.url}`)
  }
  return `${parts.join('\n\n')}\n`
}
