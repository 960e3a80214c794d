// The timing loop of the benchmarks. These machines are noisy (other jobs share the cores), so
// contenders are compared within one run, never across runs.

// Runs the contenders in alternating blocks of about `blockMs` (A, B, A, B, ...) for about `seconds`
// in all, after one warm-up round each, so that a burst of load elsewhere on the machine slows every
// contender alike. Blocks rather than single rounds: each contender then pays for collecting its own
// garbage (young-generation collections run often, so little crosses a block boundary).
// `contenders` maps a name to a round processing `perRound` items; returns {name: items per second},
// each from the rounds and the time of its own blocks.
export function measureInterleaved(contenders, perRound, seconds, blockMs = 250) {
  const entries = Object.entries(contenders);
  const totals = Object.fromEntries(entries.map(([name]) => [name, { rounds: 0, ms: 0 }]));
  for (const [, round] of entries) round();
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const [name, round] of entries) {
      const blockStart = performance.now();
      let now = blockStart;
      do {
        round();
        totals[name].rounds++;
        now = performance.now();
      } while (now - blockStart < blockMs);
      totals[name].ms += now - blockStart;
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, (totals[name].rounds * perRound) / (totals[name].ms / 1000)]));
}
