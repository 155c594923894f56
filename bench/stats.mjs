// The statistics the benches print, in one place so that every bench's "median" means the same.

/** The finite numbers among `values`, ascending: a run that could not measure gives null. */
const finite = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

/** The median of the finite numbers among `values` (mean of the middle two if even); null if none. */
export function median(values) {
  const v = finite(values);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * The item whose `by` is the median one (the lower of the middle two if even): a real run to
 * show, when a figure of its own must come with it.
 */
export function middle(items, by) {
  const measured = items.filter((item) => Number.isFinite(by(item))).sort((a, b) => by(a) - by(b));
  return measured.length ? measured[Math.floor((measured.length - 1) / 2)] : null;
}

/** Least-squares slope of ys on xs: how much y grows per unit of x. */
export function slope(xs, ys) {
  const n = xs.length;
  if (!n) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}
