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
