#!/usr/bin/env bash
# Apply rate of the llm-patch engine next to `git apply` and GNU `patch` on the corpus cases that can be
# written as unified diffs (bench/patch-corpus/cases/*/answer.diff).
#
# A case counts as correct for a tool when:
#   expect=applied   the tool exits 0 and the files equal after/ exactly (bytes, line endings included)
#   expect=rejected  the files equal before/ and nothing was written outside the working copy
# Tools run in a throw-away directory; absolute paths in a diff are redirected into that directory so an
# attack case can never touch the real file system.
#
# Usage: bench/patch-engine/compare.sh            (builds target/benchmarks.jar when missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/../patch-corpus/cases"
results="$here/results"
mkdir -p "$results"
if [[ ! -f "$here/target/benchmarks.jar" ]]; then
  (cd "$here" && ../../mvnw -q -B package)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java -cp "$here/target/benchmarks.jar" dev.codeagent.llmpatch.bench.CorpusRunner "$corpus" > "$work/engine.tsv"

run_tool() { # tool case_dir sandbox -> exit status of the tool
  local tool="$1" dir="$2" box="$3" diff="$3/answer.diff"
  sed "s#/etc/passwd#$box/abs/passwd#g" "$dir/answer.diff" > "$diff"
  case "$tool" in
    git-apply) (cd "$box/repo" && git apply "$diff") ;;
    git-apply-lenient) (cd "$box/repo" && git apply --recount --ignore-whitespace "$diff") ;;
    gnu-patch) (cd "$box/repo" && patch -p1 --batch --forward --silent < "$diff") ;;
  esac
}

judge() { # case_dir sandbox tool_status -> prints true/false
  local dir="$1" box="$2" status="$3" expect
  expect="$(sed -n 's/^expect=//p' "$dir/case.properties")"
  local extra
  extra="$(cd "$box" && find . -path ./repo -prune -o -type f ! -name answer.diff -print | head -1)"
  if [[ "$expect" == applied ]]; then
    [[ "$status" == 0 ]] && diff -rq -x '*.rej' -x '*.orig' "$box/repo" "$dir/after" > /dev/null 2>&1 && [[ -z "$extra" ]] \
      && echo true || echo false
  else
    diff -rq -x '*.rej' -x '*.orig' "$box/repo" "$dir/before" > /dev/null 2>&1 && [[ -z "$extra" ]] \
      && echo true || echo false
  fi
}

printf 'case\tcategory\texpect\tengine\tgit-apply\tgit-apply-lenient\tgnu-patch\n' > "$results/comparison.tsv"
for dir in "$corpus"/*/; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  [[ -f "$dir/answer.diff" ]] || continue
  category="$(sed -n 's/^category=//p' "$dir/case.properties")"
  expect="$(sed -n 's/^expect=//p' "$dir/case.properties")"
  engine="$(awk -F'\t' -v n="$name" '$1 == n {print $3}' "$work/engine.tsv")"
  row="$name\t$category\t$expect\t$engine"
  for tool in git-apply git-apply-lenient gnu-patch; do
    box="$work/$tool/$name"
    mkdir -p "$box/repo" "$box/abs"
    cp -a "$dir/before/." "$box/repo/"
    set +e
    run_tool "$tool" "$dir" "$box" > /dev/null 2>&1
    status=$?
    set -e
    row="$row\t$(judge "$dir" "$box" "$status")"
  done
  printf "$row\n" >> "$results/comparison.tsv"
done

python3 - "$results/comparison.tsv" <<'PY' | tee "$results/summary.txt"
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
tools = ["engine", "git-apply", "git-apply-lenient", "gnu-patch"]
def rate(sel, tool):
    ok = sum(r[tool] == "true" for r in sel)
    return f"{ok}/{len(sel)} ({100.0 * ok / len(sel):.1f} %)" if sel else "-"
applicable = [r for r in rows if r["expect"] == "applied"]
rejectable = [r for r in rows if r["expect"] == "rejected"]
print(f"diffable cases: {len(rows)} ({len(applicable)} applicable, {len(rejectable)} to reject)\n")
print("| tool | applied correctly | rejected correctly | all |")
print("|---|---|---|---|")
for t in tools:
    print(f"| {t} | {rate(applicable, t)} | {rate(rejectable, t)} | {rate(rows, t)} |")
print("\nper category (correct / cases):\n")
print("| category | " + " | ".join(tools) + " |")
print("|---|" + "---|" * len(tools))
cats = collections.OrderedDict()
for r in rows:
    cats.setdefault(r["category"], []).append(r)
for c, sel in cats.items():
    print(f"| {c} | " + " | ".join(f"{sum(r[t] == 'true' for r in sel)}/{len(sel)}" for t in tools) + " |")
PY
