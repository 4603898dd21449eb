#!/usr/bin/env bash
# Regenerates reference-lines.txt from the independent C implementations of the perf
# kit (../shared/perf). Each line: the arguments, a tab, the C program's result line.
# Run from the repository root after `make -C ../shared/perf`.
set -euo pipefail
P=../shared/perf/build
out=Tests/BenchmarksTests/Fixtures/reference-lines.txt
{
for s in 1 2 42; do
  for n in 0 1 2 3 37 5000; do
    echo -e "w1 --variant general --n $n --seed $s\t$($P/w1_gmp --variant general --n $n --seed $s --mode tree 2>/dev/null)"
  done
  for n in 0 1 5 37 1000 5000; do
    echo -e "w1 --variant dyadic --n $n --seed $s\t$($P/w1d_int128 --n $n --seed $s 2>/dev/null)"
  done
  for jd in "1 1" "3 2" "4 3" "5 16" "9 32" "12 32" "12 7" "16 32"; do
    set -- $jd
    echo -e "w2 --J $1 --D $2 --seed $s\t$($P/w2_int64 --J $1 --D $2 --seed $s 2>/dev/null)"
  done
  for n in 1 2 3 100 5000 131072; do
    echo -e "w3 --n $n --seed $s\t$($P/w3_int128 --n $n --seed $s 2>/dev/null)"
  done
  for mkn in "1 1 1" "3 4 2" "2 1 3" "5 70 4" "16 1024 256"; do
    set -- $mkn
    echo -e "w4 --m $1 --k $2 --n $3 --seed $s\t$($P/w4_gmp --m $1 --k $2 --n $3 --seed $s --mode scaled 2>/dev/null)"
  done
done
} > "$out"
echo "wrote $out ($(wc -l < "$out") lines)"
