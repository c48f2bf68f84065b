#!/usr/bin/env bash
# Checks the Debian packages that scripts/package.sh made: their files, dependencies and
# maintainer scripts, lintian, the systemd unit (systemd-analyze verify), the desktop file,
# the AppStream metainfo, the man pages, and that the packaged binaries run.
# With --install it also installs both packages with apt-get on this machine, checks the
# installed result (the server is found by LAN discovery and two accounts chat through it:
# lan_chat.py), then removes (apt-get) and purges (dpkg) them again (for throwaway
# machines such as CI).
# Usage: tests/packaging/check-debs.sh [--install] DIR      (DIR holds the .deb files)
set -euo pipefail

install=false
if [ "${1:-}" = --install ]; then
    install=true
    shift
fi
[ $# -eq 1 ] || { echo "usage: $0 [--install] DIR" >&2; exit 2; }
dir=$(realpath "$1")

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }
skip() { echo "SKIP: $*"; }

one_deb() {
    local matches=("$dir/$1"_*.deb)
    if [ ${#matches[@]} -ne 1 ] || [ ! -f "${matches[0]}" ]; then
        echo "expected exactly one $1_*.deb in $dir" >&2
        exit 2
    fi
    echo "${matches[0]}"
}
client_deb=$(one_deb natter)
server_deb=$(one_deb natter-server)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pkg in natter natter-server; do
    deb=$client_deb
    [ $pkg = natter-server ] && deb=$server_deb
    dpkg-deb -x "$deb" "$work/$pkg"
    dpkg-deb -e "$deb" "$work/$pkg.control"
done
version=$(dpkg-deb -f "$client_deb" Version)
upstream=${version%-*}
[ "$(dpkg-deb -f "$server_deb" Version)" = "$version" ] ||
    fail "the two packages have different versions"

echo "== files"
expect() { # PACKAGE PATH [executable]
    local path=$work/$1/$2
    if [ -f "$path" ] && { [ -z "${3:-}" ] || [ -x "$path" ]; }; then
        ok "$1: /$2"
    else
        fail "$1: /$2 missing${3:+ or not executable}"
    fi
}
expect natter usr/bin/natter executable
expect natter usr/share/applications/natter.desktop
for language in de fr es ar; do # translations.cpp finds them beside ../share from usr/bin
    expect natter usr/share/natter/translations/natter_$language.qm
done
expect natter usr/share/metainfo/io.natter.Natter.metainfo.xml
expect natter usr/share/icons/hicolor/scalable/apps/natter.svg
for size in 16 32 48 64 128 256; do
    png=usr/share/icons/hicolor/${size}x$size/apps/natter.png
    if file "$work/natter/$png" | grep -q "PNG image data, $size x $size,"; then
        ok "natter: /$png"
    else
        fail "natter: /$png missing or not a ${size}x$size PNG"
    fi
done
expect natter-server usr/bin/natter-server executable
expect natter-server lib/systemd/system/natter-server.service
expect natter-server etc/natter/server.conf
for pkg in natter natter-server; do
    expect $pkg usr/share/man/man1/$pkg.1.gz
    expect $pkg usr/share/doc/$pkg/copyright
    expect $pkg usr/share/doc/$pkg/changelog.Debian.gz
    if zcat "$work/$pkg/usr/share/doc/$pkg/changelog.Debian.gz" | head -n 1 |
        grep -qF "($version)"; then
        ok "$pkg: changelog starts with $version"
    else
        fail "$pkg: changelog does not start with version $version"
    fi
    if file "$work/$pkg/usr/bin/$pkg" | grep -q ', stripped'; then
        ok "$pkg: binary is stripped"
    else
        fail "$pkg: binary is not stripped"
    fi
done

# The configuration may hold passwords: root's alone, not every local user's.
conf_entry=$(dpkg-deb -c "$server_deb" | awk '$NF == "./etc/natter/server.conf" { print $1, $2 }')
if [ "$conf_entry" = "-rw-r----- root/root" ]; then
    ok "natter-server: /etc/natter/server.conf is 0640 root:root"
else
    fail "natter-server: /etc/natter/server.conf is '$conf_entry', not -rw-r----- root/root"
fi

echo "== control"
if grep -qx /etc/natter/server.conf "$work/natter-server.control/conffiles" 2>/dev/null; then
    ok "natter-server: /etc/natter/server.conf is a conffile"
else
    fail "natter-server: /etc/natter/server.conf is not listed in conffiles"
fi
for script in postinst prerm postrm; do
    path=$work/natter-server.control/$script
    if [ -x "$path" ] && sh -n "$path"; then
        ok "natter-server: $script"
    else
        fail "natter-server: $script missing, not executable or not valid sh"
    fi
done
# Package names in a relationship field, one per line, without versions.
names() { dpkg-deb -f "$1" "$2" | tr ',|' '\n' | sed -E 's/^ *([^ (]+).*/\1/'; }
expect_relation() { # DEB FIELD PACKAGE...
    local deb=$1 field=$2 pkg have
    shift 2
    have=$(names "$deb" "$field")
    for pkg in "$@"; do
        if grep -qx "$pkg" <<<"$have"; then
            ok "$(basename "$deb"): $field $pkg"
        else
            fail "$(basename "$deb"): $field lacks $pkg ($(dpkg-deb -f "$deb" "$field"))"
        fi
    done
}
expect_relation "$client_deb" Depends libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
    libqt6websockets6 libqt6svg6 qt6-qpa-plugins libqt6keychain1 libqt6dbus6
expect_relation "$server_deb" Depends libqt6core6 libqt6network6 libqt6websockets6 libqt6sql6 \
    libqt6sql6-sqlite libsodium23
expect_relation "$server_deb" Recommends libqt6sql6-psql
expect_relation "$client_deb" Recommends fonts-noto-color-emoji

echo "== packaged binaries run"
if out=$("$work/natter-server/usr/bin/natter-server" --version 2>&1) &&
    [ "$out" = "natter-server $upstream" ]; then
    ok "natter-server --version: $out"
else
    fail "natter-server --version: $out"
fi
if out=$(QT_QPA_PLATFORM=offscreen "$work/natter/usr/bin/natter" --version 2>/dev/null) &&
    [ "$out" = "natter $upstream" ]; then
    ok "natter --version: $out"
else
    fail "natter --version: $out"
fi
# Every option the unit passes must be one natter-server knows.
unit=$work/natter-server/lib/systemd/system/natter-server.service
help=$("$work/natter-server/usr/bin/natter-server" --help 2>&1 || true)
sed -n 's/^ExecStart=//p' "$unit" | grep -oE -- '--[a-z][a-z-]*' >"$work/unit-options"
while read -r option; do
    if grep -qE -- "(^|[ ,])$option( |=|$)" <<<"$help"; then
        ok "natter-server --help lists $option (used by the unit)"
    else
        fail "natter-server does not know $option, which the unit's ExecStart passes"
    fi
done <"$work/unit-options"

echo "== man pages"
for pkg in natter natter-server; do
    page=$work/$pkg/usr/share/man/man1/$pkg.1.gz
    # Every option of --help is documented (--help-all only adds Qt's generic options).
    source=$(zcat "$page" | sed 's/\\-/-/g')
    QT_QPA_PLATFORM=offscreen "$work/$pkg/usr/bin/$pkg" --help 2>/dev/null |
        grep -oE '^  (-[a-zA-Z?], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*' |
        grep -vx -- --help-all >"$work/$pkg.options" || true
    missing=$(while read -r option; do
        grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$source" || echo "$option"
    done <"$work/$pkg.options")
    if [ ! -s "$work/$pkg.options" ]; then
        fail "$pkg --help lists no options"
    elif [ -z "$missing" ]; then
        ok "$pkg.1 documents all $(wc -l <"$work/$pkg.options") options of --help"
    else
        fail "$pkg.1 does not document: $(tr '\n' ' ' <<<"$missing")"
    fi
    if ! command -v man >/dev/null; then
        skip "man (man-db) not installed: $pkg.1 not rendered"
    elif warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) &&
        [ -z "$warnings" ]; then
        ok "$pkg.1 renders without warnings"
    else
        fail "$pkg.1: $warnings"
    fi
done

echo "== desktop file and AppStream metainfo"
if command -v desktop-file-validate >/dev/null; then
    if out=$(desktop-file-validate "$work/natter/usr/share/applications/natter.desktop" 2>&1) &&
        [ -z "$out" ]; then
        ok "desktop-file-validate natter.desktop"
    else
        fail "desktop-file-validate: $out"
    fi
else
    skip "desktop-file-validate not installed (desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    if out=$(appstreamcli validate --no-net --no-color \
        "$work/natter/usr/share/metainfo/io.natter.Natter.metainfo.xml" 2>&1); then
        ok "appstreamcli validate: $(tail -n 1 <<<"$out")"
    else
        fail "appstreamcli validate: $out"
    fi
else
    skip "appstreamcli not installed (appstream)"
fi

echo "== systemd unit"
if command -v systemd-analyze >/dev/null; then
    # verify checks that ExecStart's binary and the Documentation= man page exist, so point
    # it at the extracted package instead of the (not installed) /usr paths.
    mkdir "$work/unit"
    sed "s|/usr/bin/natter-server|$work/natter-server/usr/bin/natter-server|" "$unit" \
        >"$work/unit/natter-server.service"
    if out=$(MANPATH=$work/natter-server/usr/share/man \
        systemd-analyze verify "$work/unit/natter-server.service" 2>&1) && [ -z "$out" ]; then
        ok "systemd-analyze verify natter-server.service"
    else
        fail "systemd-analyze verify: $out"
    fi
    # The sandbox: `systemd-analyze security` rates the unit's exposure from 0 (locked
    # down) to 10; a network daemon with the hardening in packaging/ gets about 1.5.
    max_exposure=2.5
    if out=$(systemd-analyze security --offline=true --no-pager \
        "$work/unit/natter-server.service" 2>&1); then
        exposure=$(sed -nE 's/.*Overall exposure level for natter-server\.service: ([0-9.]+).*/\1/p' \
            <<<"$out")
        if [ -n "$exposure" ] && awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e <= m) }'; then
            ok "systemd-analyze security: exposure $exposure (at most $max_exposure)"
        else
            fail "systemd-analyze security: exposure ${exposure:-unknown} above $max_exposure:" \
                "$(grep '✗' <<<"$out")"
        fi
    else
        fail "systemd-analyze security --offline=true: $out"
    fi
else
    skip "systemd-analyze not installed (systemd): the unit is not verified"
fi

echo "== lintian"
if command -v lintian >/dev/null; then
    # Errors fail; warnings and infos are shown. Overrides live in packaging/debian/*/.
    set +e
    out=$(lintian --fail-on error --display-info "$client_deb" "$server_deb" 2>&1 |
        grep -v 'running with root privileges')
    status=${PIPESTATUS[0]}
    set -e
    [ -n "$out" ] && echo "$out"
    count() { grep -c "^$1:" <<<"$out" || true; }
    summary="$(count E) errors, $(count W) warnings, $(count I) infos"
    if [ "$status" -eq 0 ]; then ok "lintian: $summary"; else fail "lintian: $summary"; fi
else
    skip "lintian not installed"
fi

if $install; then
    echo "== install, run, remove (apt-get)"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    for pkg in natter natter-server; do
        if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
            echo "$pkg is installed already: not touching this machine's installation" >&2
            exit 2
        fi
    done
    export DEBIAN_FRONTEND=noninteractive
    if "${sudo[@]}" apt-get install -y -q --no-install-recommends "$server_deb" "$client_deb" \
        >"$work/apt-install.log" 2>&1; then
        ok "apt-get install of both packages"
        if out=$(/usr/bin/natter-server --help 2>&1) && grep -q -- '--listen' <<<"$out"; then
            ok "/usr/bin/natter-server --help"
        else
            fail "/usr/bin/natter-server --help: $out"
        fi
        if out=$(QT_QPA_PLATFORM=offscreen /usr/bin/natter --version 2>/dev/null) &&
            [ "$out" = "natter $upstream" ]; then
            ok "/usr/bin/natter --version"
        else
            fail "/usr/bin/natter --version: $out"
        fi
        if dpkg-query -W -f='${Conffiles}' natter-server | grep -q '/etc/natter/server.conf'; then
            ok "dpkg knows /etc/natter/server.conf as a conffile"
        else
            fail "dpkg does not list /etc/natter/server.conf as a conffile"
        fi
        if [ "$(stat -c %a:%U:%G /etc/natter/server.conf)" = 640:root:root ]; then
            ok "installed /etc/natter/server.conf is 0640 root:root"
        else
            fail "installed /etc/natter/server.conf is $(stat -c %a:%U:%G /etc/natter/server.conf)"
        fi
        lan_chat="$(dirname "$0")/lan_chat.py"
        if [ -d /run/systemd/system ]; then
            # A machine run by systemd: the installed service itself, as the README says.
            "${sudo[@]}" systemctl restart natter-server
            if "$lan_chat" --timeout 20 >"$work/lan.log" 2>&1; then
                ok "natter-server.service: found by discovery, two accounts chatted"
            else
                fail "natter-server.service: $(cat "$work/lan.log")" \
                    "$(journalctl -u natter-server -n 20 --no-pager 2>&1)"
            fi
            if [ "$("${sudo[@]}" stat -L -c %a /var/lib/natter/natter.db)" = 600 ]; then
                ok "natter-server.service: /var/lib/natter/natter.db is 0600"
            else
                fail "natter-server.service: natter.db is not 0600"
            fi
            "${sudo[@]}" systemctl stop natter-server
        else
            # No systemd (a container): the installed binary with the installed config, as
            # the unit runs it (a private copy, as LoadCredential= makes, and UMask=0077 left
            # out on purpose: the server makes its files 0600 itself); only the database
            # moves (an empty directory, as the unit's StateDirectory is on the first start, so
            # the server creates it without --create) and the port is a free one.
            mkdir -m 700 "$work/credentials" "$work/state"
            cp /etc/natter/server.conf "$work/credentials/server.conf"
            (umask 022 && exec /usr/bin/natter-server --config "$work/credentials/server.conf" \
                --listen 0.0.0.0:0 --database "$work/state/natter.db" --name "check-debs") \
                >"$work/server.log" 2>&1 &
            server_pid=$!
            if "$lan_chat" --name check-debs --timeout 20 >"$work/lan.log" 2>&1; then
                ok "installed server with /etc/natter/server.conf: found by discovery, two accounts chatted"
            else
                fail "installed server: $(cat "$work/lan.log") $(tail -n 20 "$work/server.log")"
            fi
            modes=$(stat -c '%n %a' "$work"/state/natter.db* | sed "s|$work/state/||" | tr '\n' ' ')
            if ! grep -qvE ' 600$' < <(stat -c '%a' "$work"/state/natter.db* | sed 's/^/ /'); then
                ok "database files are 0600: $modes"
            else
                fail "database files are not all 0600: $modes"
            fi
            kill "$server_pid" && wait "$server_pid" || true
        fi
        # The postinst enables the unit through deb-systemd-helper, with or without systemd.
        if [ -L /etc/systemd/system/multi-user.target.wants/natter-server.service ]; then
            ok "postinst enabled natter-server.service"
        else
            fail "postinst did not enable natter-server.service"
        fi
    else
        fail "apt-get install: $(tail -n 20 "$work/apt-install.log")"
    fi
    "${sudo[@]}" apt-get remove -y -q natter natter-server >"$work/apt-remove.log" 2>&1 ||
        fail "apt-get remove: $(tail -n 20 "$work/apt-remove.log")"
    if [ ! -e /usr/bin/natter ] && [ ! -e /usr/bin/natter-server ]; then
        ok "apt-get remove took the binaries away"
    else
        fail "binaries left after apt-get remove"
    fi
    # apt cannot purge what no repository has: dpkg purges what remove kept (the conffile).
    for pkg in natter natter-server; do
        if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'config-files'; then
            "${sudo[@]}" dpkg --purge "$pkg" >>"$work/purge.log" 2>&1 ||
                fail "dpkg --purge $pkg: $(tail -n 20 "$work/purge.log")"
        fi
    done
    if [ ! -e /etc/natter ] && [ ! -e /etc/systemd/system/natter-server.service ] &&
        [ ! -e /etc/systemd/system/multi-user.target.wants/natter-server.service ]; then
        ok "purge left no configuration, enable link or mask behind"
    else
        fail "files left after purge: $(ls -d /etc/natter /etc/systemd/system/natter-server.service \
            /etc/systemd/system/multi-user.target.wants/natter-server.service 2>/dev/null)"
    fi
fi

echo
if [ "$failures" -eq 0 ]; then
    echo "check-debs: all checks passed"
else
    echo "check-debs: $failures check(s) failed"
    exit 1
fi
