/**
 * The schema every knowledge-base file is checked against at build time and in tests.
 * It doubles as the authoring guide: each field says what to write in it.
 * Runs in Node only (the build, the CLI and tests); the browser bundle never includes zod.
 */
import { z } from 'zod'
import { MIGRATION_TYPES, SHELLS, VALUE_NAMES } from './schema-constants.ts'

export { MIGRATION_TYPES, SHELLS, VALUE_NAMES }

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens (kebab-case)')

const valueName = z.enum(VALUE_NAMES)

const source = z
  .object({
    kb: z
      .string()
      .regex(/^\d{6,7}$/)
      .nullable()
      .describe('The article\'s "Original KB number", digits only; null when it has none.'),
    url: z
      .string()
      .regex(
        /^https:\/\/learn\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?[A-Za-z0-9/._-]+$/,
        'must be a learn.microsoft.com address',
      )
      .describe(
        'The public address; for troubleshooting articles its last segment is the article id.',
      ),
    title: z.string().min(5),
    role: z
      .enum(['primary', 'reference'])
      .describe(
        'primary: the article the entry is built from; reference: a cmdlet page or related article used to be more exact.',
      ),
  })
  .strict()

const condition = z
  .object({
    question: slug.describe('Id of a question in one of the files in questions/.'),
    accept: z.array(z.string().min(1)).min(1).describe('Answers under which this cause can hold.'),
    role: z
      .enum(['confirm', 'split'])
      .describe(
        'confirm: ask even when this entry is the only candidate; split: ask only to tell candidates apart.',
      ),
    why: z
      .string()
      .min(10)
      .describe('Shown when an answer rules the entry out: why this fact matters.'),
  })
  .strict()

const when = z
  .object({ question: slug, in: z.array(z.string().min(1)).min(1) })
  .strict()
  .describe('Show this item only when the answer to `question` is one of `in` (or unknown).')

const signature = z
  .object({
    id: slug,
    text: z
      .string()
      .min(3)
      .describe(
        'The error text exactly as the product prints it; write varying parts as {mailbox}, {address}, {server}, {batch} or {any}.',
      ),
    kind: z
      .enum(['message', 'fragment', 'code'])
      .describe(
        'message: a whole error; fragment: a distinctive part of one; code: an exception name or hex code, weak on its own.',
      ),
    origin: z
      .enum(['error', 'wrong-fix'])
      .describe('wrong-fix: the error a user gets after trying the fix that does not work.'),
    satisfies: z
      .array(slug)
      .default([])
      .describe(
        'Questions this entry need not ask when this text is present, because the text answers them.',
      ),
    note: z.string().optional(),
  })
  .strict()

const command = z
  .object({
    id: slug,
    label: z.string().min(3),
    shell: z.enum(SHELLS),
    runsOn: z.string().min(5).describe('Where exactly the command can run (product and versions).'),
    template: z.string().min(3).describe('The command line, with {placeholders} for values.'),
    risk: z.enum(['read-only', 'changes-settings', 'data-loss']),
    riskNote: z.string().optional(),
    when: when.optional(),
    reference: z
      .string()
      .url()
      .describe('The cmdlet reference page that confirms every parameter.'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.risk === 'data-loss' && !c.riskNote)
      ctx.addIssue({
        code: 'custom',
        path: ['riskNote'],
        message: 'a data-loss command must say what can be lost',
      })
  })

const step = z
  .object({
    text: z.string().min(10),
    when: when.optional(),
    command: slug.optional().describe('Id of a command of this entry shown under the step.'),
    csv: z.boolean().optional().describe('Show the corrected migration CSV under this step.'),
  })
  .strict()

const valueSpec = z
  .object({
    name: valueName,
    label: z.string().min(3),
    example: z.string().min(1).describe('Shown when the paste does not contain the value.'),
  })
  .strict()

const csvFix = z
  .object({
    columns: z.array(z.string().min(1)).min(1),
    row: z.record(z.string(), z.string()).describe('One corrected row; {placeholders} allowed.'),
    note: z.string().min(10),
  })
  .strict()

export const entrySchema = z
  .object({
    id: slug.describe('Permanent: it is in links. Never rename; deprecate instead.'),
    title: z.string().min(10),
    summary: z.string().min(20).describe('One sentence: what is going on, in plain words.'),
    migrationType: z.enum(MIGRATION_TYPES),
    sources: z.array(source).min(1),
    signatures: z
      .array(signature)
      .default([])
      .describe(
        'Every wording of the error; may be empty only when `symptoms` describe the problem.',
      ),
    symptoms: z
      .array(z.string().min(10))
      .default([])
      .describe(
        'What the user sees when there is no error text ("free/busy is empty after the move"); reached from the symptom browser.',
      ),
    conditions: z.array(condition).default([]),
    cause: z.string().min(40),
    steps: z.array(step).min(1),
    commands: z.array(command).default([]),
    values: z.array(valueSpec).default([]),
    csvFix: csvFix.optional(),
    warnings: z.array(z.string().min(10)).default([]),
    verify: z.array(z.string().min(10)).min(1),
    moreExactThanTheArticle: z
      .array(z.string().min(10))
      .default([])
      .describe('Where the product deliberately differs from or adds to the article, and why.'),
    samples: z
      .array(z.string().min(20))
      .default([])
      .describe(
        'Realistic pastes (different formats) that must rank this entry first; at least three when the entry has error text.',
      ),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.signatures.length === 0 && e.symptoms.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['signatures'],
        message: 'give the error text, or symptoms when there is none',
      })
    if (e.signatures.some((s) => s.kind !== 'code') && e.samples.length < 3)
      ctx.addIssue({
        code: 'custom',
        path: ['samples'],
        message: 'an entry with error text needs at least three sample pastes',
      })
  })

const option = z.object({ value: slug, label: z.string().min(2) }).strict()

export const questionSchema = z
  .object({
    id: slug,
    prompt: z.string().min(10),
    detail: z.string().optional(),
    options: z
      .array(option)
      .min(2)
      .refine(
        (o) => !o.some((x) => x.value === 'unknown'),
        '"unknown" is added by the engine; do not list it',
      ),
    howToFindOut: z
      .object({
        text: z.string().min(10),
        command: z.string().optional(),
        shell: z.enum(SHELLS).optional(),
      })
      .strict(),
  })
  .strict()

export const questionsFileSchema = z.array(questionSchema).min(1)

export type Entry = z.infer<typeof entrySchema>
export type Question = z.infer<typeof questionSchema>
export type Signature = z.infer<typeof signature>
export type Command = z.infer<typeof command>
export type Step = z.infer<typeof step>
export type Condition = z.infer<typeof condition>
export type When = z.infer<typeof when>
export type Source = z.infer<typeof source>
export type { MigrationType, Shell, ValueName } from './schema-constants.ts'
