/**
 * Reliability data, unit by unit: `ratings[u][j]` is the category coder j gave
 * unit u, or null when coder j did not code that unit (missing). Every unit
 * lists the same coders in the same order. Categories are nominal: only
 * equality matters.
 */
export type Category = string | number | boolean
export type UnitRatings = readonly (Category | null)[]
export type Ratings = readonly UnitRatings[]

/** The non-missing values of one unit. */
export function presentValues(unit: UnitRatings): Category[] {
  const out: Category[] = []
  for (const v of unit) if (v !== null) out.push(v)
  return out
}

/** Counts of each category within a list of values, in first-seen order. */
export function countCategories(values: readonly Category[]): Map<Category, number> {
  const counts = new Map<Category, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

/** Throws (a bug, not user input) unless every unit lists the same number of coders. */
export function checkRectangular(ratings: Ratings, where: string): number {
  const coders = ratings[0]?.length ?? 0
  ratings.forEach((unit, u) => {
    if (unit.length !== coders) {
      throw new RangeError(`${where}: unit ${u} has ${unit.length} ratings, expected ${coders}`)
    }
  })
  return coders
}
