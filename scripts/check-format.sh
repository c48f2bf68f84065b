#!/usr/bin/env bash
# Fails, naming the files, when a tracked C++ file is not formatted as .clang-format says.
# Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || {
    echo "$0: clang-format is missing (scripts/install-deps.sh installs it)" >&2
    exit 1
}
# Batches of files per clang-format process, two processes per core: one process per file
# took a minute in CI. A file that differs is named in a "code should be clang-formatted" line.
mapfile -t unformatted < <(git ls-files '*.cpp' '*.h' |
    xargs -P "$(( $(nproc) * 2 ))" -n 40 clang-format --dry-run -Werror 2>&1 |
    sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ ${#unformatted[@]} -gt 0 ]; then
    echo "Not formatted as .clang-format says (clang-format -i FILE...):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "format: all $(git ls-files '*.cpp' '*.h' | wc -l) C++ files are clean"
