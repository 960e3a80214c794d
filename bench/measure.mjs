// The one timing loop of the benchmarks: run `round` (after one warm-up round) for about `seconds`;
// returns items per second, `perRound` items being processed by each round.
export function measure(round, perRound, seconds) {
  round();
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    round();
    rounds++;
  }
  return (rounds * perRound) / ((performance.now() - start) / 1000);
}

// The same for several contenders compared in one run: after one warm-up round each, their rounds
// alternate for about `seconds` per contender, so that a change in machine load (these machines are
// shared) weighs on all of them alike. Returns items per second for each.
export function measureInterleaved(rounds, perRound, seconds) {
  for (const round of rounds) round();
  const elapsed = rounds.map(() => 0);
  const done = rounds.map(() => 0);
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 * rounds.length) {
    rounds.forEach((round, i) => {
      const roundStart = performance.now();
      round();
      elapsed[i] += performance.now() - roundStart;
      done[i]++;
    });
  }
  return rounds.map((_, i) => (done[i] * perRound[i]) / (elapsed[i] / 1000));
}
