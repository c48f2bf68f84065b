#pragma once
// The certificate a user chose to trust for a server (its SHA-256, lower-case hex; see
// ProfileSettings::pinnedCertificate), checked on a wss:// connection: the chat connection and
// the file connections each use these, so a pinned self-signed server works for both and an
// impostor gets no token from either.

#include <QByteArray>

#include <functional>

class QObject;

class QWebSocket;

namespace natter::client::certificatepin {

// The socket's peer shows the pinned certificate (never true when nothing is pinned): its
// TLS errors may be ignored.
bool matches(const QWebSocket &socket, const QByteArray &pinned);
// A connected socket may be used: nothing is pinned, it is not TLS, or it shows the pinned
// certificate (also when that certificate chains to a trusted CA and TLS reported no error).
bool holds(const QWebSocket &socket, const QByteArray &pinned);

// On `socket`'s TLS errors: ignored when it shows the certificate `pinned` names (read at
// that time: a member of `context`, which may change before the connection), else
// `refused` (retrying would fail the same way). For as long as `context` lives.
void acceptPinned(QWebSocket &socket, const QObject *context, const QByteArray &pinned,
                  std::function<void()> refused);

} // namespace natter::client::certificatepin
