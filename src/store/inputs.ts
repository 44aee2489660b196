/**
 * The one store: only what the user put in (the paste, the answers in the order given, values
 * typed into commands). Candidates, questions and verdicts are derived from it, never stored.
 * Kept in sessionStorage: it survives reload and Back, and is gone when the tab closes.
 */
import { createStore, useStore } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { INPUTS_KEY } from './storage-keys.ts'
import { tabStorage } from './tab-storage.ts'

export interface InputsState {
  text: string
  /** question id → option value or `unknown` */
  answers: Record<string, string>
  /** question ids in the order they were answered, for Back and the visible path */
  order: string[]
  /** values the user typed over the ones taken from the paste, by placeholder name */
  values: Record<string, string>
  /** the entry whose symptom the user picked in the symptom browser (when there is no error text) */
  symptom: string | null
}

export interface InputsActions {
  setText: (text: string) => void
  /** Records an answer at position `step`; changing an earlier answer drops the ones after it. */
  answer: (step: number, question: string, value: string) => void
  /** Replaces all answers (opening a share link). */
  setAnswers: (answers: Record<string, string>, order: string[]) => void
  setValue: (name: string, value: string) => void
  /** Starts a diagnosis from a symptom instead of error text. */
  pickSymptom: (entryId: string) => void
  /** Forgets everything: paste, answers, values. */
  clear: () => void
}

export const EMPTY: InputsState = { text: '', answers: {}, order: [], values: {}, symptom: null }

export const inputsStore = createStore<InputsState & InputsActions>()(
  persist(
    (set) => ({
      ...EMPTY,
      // Answers and typed values belong to the diagnosis of one text: a new text starts afresh.
      setText: (text) =>
        set((s) =>
          s.text === text ? s : { text, answers: {}, order: [], values: {}, symptom: null },
        ),
      pickSymptom: (entryId) => set({ ...EMPTY, symptom: entryId }),
      answer: (step, question, value) =>
        set((s) => {
          const kept = s.order.slice(0, step).filter((q) => q !== question)
          const same = s.order[step] === question && s.answers[question] === value
          const order = same ? s.order : [...kept, question]
          const answers: Record<string, string> = {}
          for (const q of order) answers[q] = q === question ? value : (s.answers[q] ?? value)
          return { order, answers }
        }),
      setAnswers: (answers, order) => set({ answers: { ...answers }, order: [...order] }),
      setValue: (name, value) => set((s) => ({ values: { ...s.values, [name]: value } })),
      clear: () => set({ ...EMPTY }),
    }),
    {
      name: INPUTS_KEY,
      storage: createJSONStorage(() => tabStorage()),
      version: 1,
      // A damaged or foreign stored value must not break the app: keep only well-formed fields.
      merge: (persisted, current) => ({ ...current, ...sanitize(persisted) }),
    },
  ),
)

function sanitize(value: unknown): Partial<InputsState> {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  const out: Partial<InputsState> = {}
  if (typeof v.text === 'string') out.text = v.text
  const isRecord = (x: unknown): x is Record<string, string> =>
    !!x &&
    typeof x === 'object' &&
    !Array.isArray(x) &&
    Object.values(x).every((y) => typeof y === 'string')
  if (isRecord(v.answers)) out.answers = v.answers
  if (Array.isArray(v.order) && v.order.every((q) => typeof q === 'string'))
    // (own answers only: an id such as "valueOf" must not find Object.prototype's)
    out.order = (v.order as string[]).filter((q) => !!out.answers && Object.hasOwn(out.answers, q))
  if (isRecord(v.values)) out.values = v.values
  if (typeof v.symptom === 'string') out.symptom = v.symptom
  return out
}

/** React binding: select a slice of the inputs. */
export function useInputs<T>(selector: (s: InputsState & InputsActions) => T): T {
  return useStore(inputsStore, selector)
}
