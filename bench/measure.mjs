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
