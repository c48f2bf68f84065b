#!/usr/bin/env bash
# Builds the fuzz targets with clang's libFuzzer (+ ASan/UBSan) and runs each for a bounded
# time on its seed corpus. Exits non-zero on any crash or hang.
#   fuzz_decoder  the request and server-frame decoders (seeds: valid frames' JSON)
#   fuzz_frames   raw bytes after a WebSocket upgrade on a real connection, through the
#                 server's socket class and Qt's frame reader (seeds: frames on the wire)
#   FUZZ_SECONDS  how long to fuzz each target (default 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-30}
mkdir -p "$out/corpus" "$out/frames-corpus" "$out/moc"
cp "$root"/tests/fuzz/corpus/* "$out/corpus/"
cp "$root"/tests/fuzz/frames-corpus/* "$out/frames-corpus/"
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -fPIC -I"$root/common" -I"$root/server")
# common/ hashes file contents with libcrypto (sha256.cpp, linked below) and reads the list of
# common passwords from a Qt resource, as its CMake target builds it.
cat >"$out/common.qrc" <<QRC
<RCC><qresource prefix="/natter/common">
<file alias="commonpasswords.txt">$root/common/commonpasswords.txt</file>
</qresource></RCC>
QRC
/usr/lib/qt6/libexec/rcc --name natter_common_passwords "$out/common.qrc" -o "$out/common_qrc.cpp"
moc=/usr/lib/qt6/libexec/moc
for header in leantcpsocket lingeringclose outputflusher; do
    "$moc" "$root/server/transport/$header.h" -o "$out/moc/moc_$header.cpp"
done
# Every source compiles once, to an object of its own, two at a time (common/ goes into both
# targets); then the two targets link.
sources=("$root"/common/*.cpp "$out/common_qrc.cpp" "$root/tests/fuzz/fuzz_decoder.cpp"
         "$root/tests/fuzz/fuzz_frames.cpp" "$root/server/transport/leantcpsocket.cpp"
         "$root/server/transport/lingeringclose.cpp" "$root/server/transport/outputflusher.cpp"
         "$root/server/transport/socketprobe.cpp" "$out"/moc/*.cpp)
mkdir -p "$out/obj"
read -r -a qt_cflags <<<"$(pkg-config --cflags Qt6WebSockets Qt6Network Qt6Core)"
export out
# shellcheck disable=SC2016 # the inner sh expands them
printf '%s\0' "${sources[@]}" |
    xargs -0 -P "$(nproc)" -I{} sh -c 'exec "$@" -c "$0" -o "$out/obj/$(basename "$0" .cpp).o"' \
        {} clang++ "${flags[@]}" "${qt_cflags[@]}"
common=()
for source in "$root"/common/*.cpp "$out/common_qrc.cpp"; do
    common+=("$out/obj/$(basename "$source" .cpp).o")
done
# shellcheck disable=SC2046 # pkg-config prints a list of flags on purpose
clang++ "${flags[@]}" "$out/obj/fuzz_decoder.o" "${common[@]}" \
    $(pkg-config --libs Qt6Core libcrypto) -o "$out/fuzz_decoder"
# shellcheck disable=SC2046
clang++ "${flags[@]}" "$out/obj/fuzz_frames.o" "${common[@]}" \
    "$out/obj/leantcpsocket.o" "$out/obj/lingeringclose.o" "$out/obj/outputflusher.o" \
    "$out/obj/socketprobe.o" "$out"/obj/moc_*.o \
    $(pkg-config --libs Qt6WebSockets Qt6Network Qt6Core libcrypto) -o "$out/fuzz_frames"

cd "$out"
ASAN_OPTIONS=detect_leaks=0 ./fuzz_decoder -max_total_time="$seconds" \
    -max_len=70000 -timeout=10 -print_final_stats=1 corpus >decoder.log 2>&1 &
decoder=$!
# Qt warns about every frame it refuses; the fuzzer's own output is what matters.
QT_LOGGING_RULES="*=false" ASAN_OPTIONS=detect_leaks=0 ./fuzz_frames \
    -max_total_time="$seconds" -max_len=300000 -timeout=10 -print_final_stats=1 \
    frames-corpus >frames.log 2>&1 &
frames=$!
decoder_status=0
wait "$decoder" || decoder_status=$?
tail -n 40 decoder.log
[ "$decoder_status" != 0 ] || echo "fuzz_decoder: no crash in $seconds s"
frames_status=0
wait "$frames" || frames_status=$?
tail -n 40 frames.log
[ "$frames_status" != 0 ] || echo "fuzz_frames: no crash or hang in $seconds s"
[ "$decoder_status" = 0 ] && [ "$frames_status" = 0 ]
