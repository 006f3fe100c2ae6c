/** One case of a check (a hand-worked value, one gradient point, one property): pass or fail with why. */
export interface CaseResult {
  readonly label: string;
  readonly pass: boolean;
  /** One line: what was expected and what came, or why it could not be judged. */
  readonly detail: string;
}
