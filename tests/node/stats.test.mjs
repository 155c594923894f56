// The benches' one median (bench/stats.mjs): what each bench's printed "median" means.
// Run: node --test tests/node/

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, middle, slope } from '../../bench/stats.mjs';

describe('bench/stats.mjs', () => {
  it('takes the middle value, or the mean of the middle two, whatever the order', () => {
    assert.equal(median([9, 1, 5]), 5);
    assert.equal(median([10, 1, 3, 2]), 2.5);
  });

  it('leaves out what a run could not measure, and has no median of nothing', () => {
    assert.equal(median([null, 4, undefined, Number.NaN, 2]), 3);
    assert.equal(median([null]), null);
  });

  it('names the run with the median figure, one that really ran', () => {
    const runs = [{ lcp: 30 }, { lcp: 10 }, { lcp: null }, { lcp: 20 }, { lcp: 40 }];
    assert.equal(middle(runs, (r) => r.lcp), runs[3]);
    assert.equal(middle([], (r) => r.lcp), null);
  });

  it('measures growth as a least-squares slope', () => {
    assert.equal(slope([0, 1000, 2000], [5, 7, 9]), 0.002);
  });
});
