#pragma once
// Each client test process gets its own config and data directories: ctest runs suites in
// parallel, and a shared ~/.qttest would let one suite wipe another's profiles mid-run.

#include <QByteArray>
#include <QTemporaryDir>

inline void useFreshTestProfiles()
{
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toLocal8Bit());
    qputenv("XDG_STATE_HOME", home.filePath(QStringLiteral("state")).toLocal8Bit());
    // Session tokens go to a 0600 file beside the profile, never to the keyring of whoever
    // runs the tests (tst_tokenvault covers the keyring path).
    qputenv("NATTER_TOKEN_STORE", "file");
}
