#!/usr/bin/env bash
# Refreshes client/translations/*.ts from the sources (lupdate): new strings appear there
# unfinished, changed ones are marked obsolete; translate them (Qt Linguist, or any editor),
# and tst_translations passes again. Locations are left out, so the files do not change with
# every edit of a line number.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
cd "$root"
for ts in client/translations/natter_*.ts; do
    "$lupdate" -silent -locations none -no-obsolete client -ts "$ts"
done
