// Ordinary least squares for the few-column designs of the impact engine (4 columns for the
// segmented regression, 2 for a trend), and the covariance matrices built on it.
//
// Why QR and not the normal equations: X'X squares the condition number of X, and a time column
// that runs to 40 next to a constant already makes X'X ill-conditioned enough to lose digits we want
// to compare with R at 1e-8. Householder QR works on X itself (R's lm does the same), then
// (X'X)⁻¹ = R⁻¹R⁻ᵀ comes from a triangular inverse with no further loss.

/** A least-squares fit y ≈ Xb. */
export interface OlsFit {
  /** Coefficients b, one per column of X. */
  coef: number[];
  /** Residuals y − Xb, in row order. */
  resid: number[];
  /** (X'X)⁻¹, the unscaled covariance matrix (k × k). */
  xtxInv: number[][];
  /** Sum of squared residuals. */
  ssr: number;
  /** Rows (observations). */
  n: number;
  /** Columns (coefficients). */
  k: number;
  /** Residual degrees of freedom n − k. */
  df: number;
  /** log det(X'X) = 2 Σ log|R_jj|, which the AR(1) REML criterion needs. */
  logDetXtX: number;
}

/**
 * Least squares by Householder QR. `X` is given by rows. Returns null when X has fewer rows than
 * columns or is rank-deficient (a column is, to 1e-10 of its norm, a combination of the previous
 * ones), since then no coefficient is identified and any number would be arbitrary.
 */
export function fitOls(X: readonly (readonly number[])[], y: readonly number[]): OlsFit | null {
  const n = X.length;
  const k = X[0]?.length ?? 0;
  if (k === 0 || n < k || y.length !== n) return null;
  // Column-major working copy (column j at a[j·n …]): Householder reflections act on columns.
  const a = new Float64Array(k * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) a[j * n + i] = X[i]![j]!;
  const qty = Float64Array.from(y);
  const v = new Float64Array(n);
  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const c0 = j * n;
    let scale = 0;
    for (let i = 0; i < n; i++) scale += a[c0 + i]! * a[c0 + i]!;
    scale = Math.sqrt(scale) || 1;
    let norm = 0;
    for (let i = j; i < n; i++) norm += a[c0 + i]! * a[c0 + i]!;
    norm = Math.sqrt(norm);
    if (norm <= 1e-10 * scale) return null;
    // α takes the sign opposite to the pivot so that v = x − αe₁ involves no cancellation.
    const alpha = a[c0 + j]! > 0 ? -norm : norm;
    let vv = 0;
    for (let i = j; i < n; i++) {
      v[i] = a[c0 + i]! - (i === j ? alpha : 0);
      vv += v[i]! * v[i]!;
    }
    // Apply H = I − 2vv'/v'v to the remaining columns and to y.
    for (let jj = j; jj <= k; jj++) {
      const c = jj < k ? a : qty;
      const off = jj < k ? jj * n : 0;
      let d = 0;
      for (let i = j; i < n; i++) d += v[i]! * c[off + i]!;
      const f = (2 * d) / vv;
      for (let i = j; i < n; i++) c[off + i] = c[off + i]! - f * v[i]!;
    }
    for (let jj = j; jj < k; jj++) r[j]![jj] = a[jj * n + j]!;
  }
  const rInv = upperInverse(r);
  const coef = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) coef[i] = coef[i]! + rInv[i]![j]! * qty[j]!;
  // Residuals from the original X (not from Q'y) so they are exactly what R's resid() reports.
  const resid = y.map((yi, i) => yi - dot(X[i]!, coef));
  const xtxInv: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let m = Math.max(i, j); m < k; m++) s += rInv[i]![m]! * rInv[j]![m]!;
      return s;
    }),
  );
  let logDetXtX = 0;
  for (let j = 0; j < k; j++) logDetXtX += 2 * Math.log(Math.abs(r[j]![j]!));
  let ssr = 0;
  for (const e of resid) ssr += e * e;
  return { coef, resid, xtxInv, ssr, n, k, df: n - k, logDetXtX };
}

/** Inverse of an upper-triangular matrix with a non-zero diagonal, by back substitution. */
function upperInverse(r: number[][]): number[][] {
  const k = r.length;
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = k - 1; j >= 0; j--) {
    inv[j]![j] = 1 / r[j]![j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r[i]![m]! * inv[m]![j]!;
      inv[i]![j] = -s / r[i]![i]!;
    }
  }
  return inv;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** c'Vc: the variance of the linear combination c'b when V is the covariance of b. */
export function quadraticForm(c: readonly number[], v: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) for (let j = 0; j < c.length; j++) s += c[i]! * v[i]![j]! * c[j]!;
  return s;
}

/** The classical OLS covariance s²(X'X)⁻¹ with s² = SSR ÷ (n − k). */
export function classicalCov(fit: OlsFit): number[][] {
  const s2 = fit.ssr / fit.df;
  return fit.xtxInv.map((row) => row.map((v) => v * s2));
}

/**
 * Newey–West's rule-of-thumb lag for the Bartlett kernel, floor(4·(n/100)^(2/9)) (Newey & West
 * 1994; the default of statsmodels' sandwich_covariance.cov_hac). For 20–60 points it gives 2–3.
 */
export function neweyWestLag(n: number): number {
  return Math.floor(4 * (n / 100) ** (2 / 9));
}

/**
 * Newey–West HAC covariance with the Bartlett kernel:
 *   s_t = x_t·e_t;  Ω = Σ_t s_t s_t' + Σ_{j=1..L} (1 − j/(L+1)) Σ_t (s_t s_{t−j}' + s_{t−j} s_t');
 *   V = (X'X)⁻¹ Ω (X'X)⁻¹ × [n/(n − k) when `adjust`].
 * With adjust it equals R's sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = TRUE) and
 * statsmodels' OLS(...).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': True}).
 * Rows are taken as consecutive periods: lag j pairs row t with row t − j.
 */
export function neweyWestCov(X: readonly (readonly number[])[], fit: OlsFit, lag: number, adjust: boolean): number[][] {
  const { n, k } = fit;
  const s = new Float64Array(n * k);
  for (let t = 0; t < n; t++) for (let a = 0; a < k; a++) s[t * k + a] = X[t]![a]! * fit.resid[t]!;
  const omega = new Float64Array(k * k);
  for (let j = 0; j <= Math.min(lag, n - 1); j++) {
    const w = j === 0 ? 1 : 1 - j / (lag + 1);
    // Γ_j = Σ_t s_t s_{t−j}'; Ω gets w·(Γ_j + Γ_j') (Γ_0 once).
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let g = 0;
        for (let t = j; t < n; t++) g += s[t * k + a]! * s[(t - j) * k + b]!;
        omega[a * k + b] = omega[a * k + b]! + w * g;
        if (j > 0) omega[b * k + a] = omega[b * k + a]! + w * g;
      }
    }
  }
  // V = B Ω B (B = (X'X)⁻¹ symmetric), then × n/(n − k).
  const bread = fit.xtxInv;
  const factor = adjust ? n / (n - k) : 1;
  const left = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let g = 0;
      for (let m = 0; m < k; m++) g += bread[a]![m]! * omega[m * k + b]!;
      left[a * k + b] = g;
    }
  }
  const out: number[][] = [];
  for (let a = 0; a < k; a++) {
    const row: number[] = [];
    for (let b = 0; b < k; b++) {
      let g = 0;
      for (let m = 0; m < k; m++) g += left[a * k + m]! * bread[m]![b]!;
      row.push(g * factor);
    }
    out.push(row);
  }
  return out;
}

export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const m = b[0]?.length ?? 0;
  return a.map((row) => Array.from({ length: m }, (_, j) => row.reduce((s, v, i) => s + v * b[i]![j]!, 0)));
}
