#!/usr/bin/env bash
# Recall@shown of llm-patch's context selection on the corpus (corpus.tsv) over the bundled repositories
# (repos/*.bundle), next to the baseline "PR's changed files + filename match".
#
# Usage: bench/context/run.sh [budget-bytes] [corpus]
#   budget-bytes  default 65536, about 16k tokens of files
#   corpus        default corpus.tsv (the tuned set); heldout.tsv is the held-out set
# Prints a Markdown table; writes results/details.tsv, or results/details-<corpus>.tsv for another corpus (per
# intent: hits and the first files shown).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
budget="${1:-65536}"
corpus="${2:-corpus.tsv}"
details="$here/results/details.tsv"
if [[ "$corpus" != corpus.tsv ]]; then
  details="$here/results/details-$(basename "$corpus" .tsv).tsv"
fi
work="$here/target/repos"
mkdir -p "$work" "$here/results"
for bundle in "$here"/repos/*.bundle; do
  name="$(basename "$bundle" .bundle)"
  if [[ ! -d "$work/$name" ]]; then
    git clone -q "$bundle" "$work/$name"
  fi
done
(cd "$here" && ../../mvnw -q -B package -DskipTests)
java -jar "$here/target/context-bench.jar" "$here/$corpus" "$work" "$budget" "$details"
