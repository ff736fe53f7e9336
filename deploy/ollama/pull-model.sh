#!/bin/sh
# One-shot job of the local-llm profile: makes sure the code model llm-patch asks for is present in the
# Ollama volume (a no-op when it already is). Runs in the ollama/ollama image against the ollama service.
set -eu
model="${CODEAGENT_OLLAMA_MODEL:-qwen2.5-coder:7b}"
echo "ollama-pull: waiting for ${OLLAMA_HOST:-http://ollama:11434}"
i=0
until ollama list >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -ge 60 ]; then
    echo "ollama-pull: Ollama did not answer within 120 s" >&2
    exit 1
  fi
  sleep 2
done
if ollama list | awk 'NR > 1 { print $1 }' | grep -qx "$model"; then
  echo "ollama-pull: $model already present"
  exit 0
fi
echo "ollama-pull: pulling $model (several GB the first time)"
ollama pull "$model"
echo "ollama-pull: $model ready; llm-patch uses it as the first provider"
