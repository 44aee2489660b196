import { useMemo } from 'react'
import { useInputs } from '../store/inputs.ts'
import { useKb } from './kb.ts'
import { diagnose, diagnoseBySymptom, type Diagnosis } from '../engine/diagnose.ts'
import type { Answers, Kb } from '../engine/types.ts'

/** The diagnosis of what the user gave: error text when there is some, else a picked symptom. */
export function diagnoseInputs(
  kb: Kb,
  text: string,
  symptom: string | null,
  answers: Answers,
): Diagnosis {
  if (!text.trim() && symptom) return diagnoseBySymptom(kb, [symptom], answers)
  return diagnose(kb, text, answers)
}

/** The diagnosis of everything in the store, with the inputs it came from. */
export function useStoredDiagnosis() {
  const kb = useKb()
  const text = useInputs((s) => s.text)
  const symptom = useInputs((s) => s.symptom)
  const answers = useInputs((s) => s.answers)
  const order = useInputs((s) => s.order)
  const diagnosis = useMemo(
    () => diagnoseInputs(kb, text, symptom, answers),
    [kb, text, symptom, answers],
  )
  return { kb, text, symptom, answers, order, diagnosis }
}
