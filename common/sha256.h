#pragma once
// SHA-256 of file contents (uploads checked by the server, files hashed and checked by the
// app) through OpenSSL's libcrypto, which uses the CPU's SHA instructions where there are any:
// 1.8 GB/s on the benchmark machine, where QCryptographicHash (Qt 6.4, portable C) took most
// of the server's CPU during an upload (docs/performance.md, "Files").

#include <QByteArray>

#include <memory>

namespace natter {

class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Q_DISABLE_COPY_MOVE(Sha256)

    void reset();
    void addData(const QByteArray &bytes);
    // The 32-byte digest of everything added since the last reset (then reset again).
    QByteArray result();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace natter
