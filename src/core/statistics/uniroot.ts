/**
 * A root of f in [lower, upper] by Brent's method (bisection safeguarded by
 * linear and inverse quadratic interpolation): a line-by-line port of R's
 * `uniroot` → `R_zeroin2` (stats/src/zeroin.c), so that statistics defined
 * through `uniroot` (such as the conditional MLE of the odds ratio in
 * `fisher.test`) take exactly R's values, including R's approximation error.
 *
 *   Stops when |c − b| / 2 ≤ 2·ε·|b| + tol/2 or f(b) = 0, and returns b,
 *   where b is the best approximation so far and [b, c] brackets the root.
 *
 * Symbols: ε — double precision machine epsilon (2^−52); tol — the requested
 * accuracy, by default R's `.Machine$double.eps^0.25` ≈ 1.22e−4, which is
 * coarse: the returned root is only within about tol of the true root.
 *
 * Edge cases: returns an endpoint when f is exactly 0 there. Throws a
 * RangeError when lower ≥ upper, when f(lower) or f(upper) is NaN, or when they
 * have the same sign (R: "f() values at end points not of opposite sign").
 * After maxIterations steps without convergence it returns the current
 * approximation (R warns "_NOT_ converged").
 *
 * @see Brent, R. P. (1973). Algorithms for Minimization without Derivatives,
 *   Prentice-Hall, ch. 4.
 * @see R Core Team (2022). R 4.2.2 `stats::uniroot`, src/library/stats/src/zeroin.c.
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = Math.pow(Number.EPSILON, 0.25),
  maxIterations = 1000,
): number {
  if (!(lower < upper)) throw new RangeError(`lower (${lower}) is not below upper (${upper})`)
  const fLower = f(lower)
  const fUpper = f(upper)
  if (Number.isNaN(fLower) || Number.isNaN(fUpper)) throw new RangeError('f is NaN at an end point')
  if (Math.sign(fLower) * Math.sign(fUpper) > 0) {
    throw new RangeError('f() values at end points not of opposite sign')
  }

  let a = lower
  let b = upper
  let fa = fLower
  let fb = fUpper
  let c = a
  let fc = fa
  if (fa === 0) return a
  if (fb === 0) return b

  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    const previousStep = b - a
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b
      b = c
      c = a
      fa = fb
      fb = fc
      fc = fa
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + tol / 2
    let newStep = (c - b) / 2
    if (Math.abs(newStep) <= tolerance || fb === 0) return b

    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      let p: number
      let q: number
      const cb = c - b
      if (a === c) {
        const t1 = fb / fa
        p = cb * t1
        q = 1 - t1
      } else {
        const qa = fa / fc
        const t1 = fb / fc
        const t2 = fb / fa
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
        q = (qa - 1) * (t1 - 1) * (t2 - 1)
      }
      if (p > 0) q = -q
      else p = -p
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2)) {
        newStep = p / q
      }
    }

    if (Math.abs(newStep) < tolerance) newStep = newStep > 0 ? tolerance : -tolerance
    a = b
    fa = fb
    b += newStep
    fb = f(b)
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a
      fc = fa
    }
  }
  return b
}
