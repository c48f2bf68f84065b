#pragma once
// The certificate a user chose to trust for a server (its SHA-256, lower-case hex; see
// ProfileSettings::pinnedCertificate), checked on a wss:// connection: the chat connection and
// the file connections each use these, so a pinned self-signed server works for both and an
// impostor gets no token from either.

#include <QByteArray>

class QWebSocket;

namespace natter::client::certificatepin {

// The socket's peer shows the pinned certificate (never true when nothing is pinned): its
// TLS errors may be ignored.
bool matches(const QWebSocket &socket, const QByteArray &pinned);
// A connected socket may be used: nothing is pinned, it is not TLS, or it shows the pinned
// certificate (also when that certificate chains to a trusted CA and TLS reported no error).
bool holds(const QWebSocket &socket, const QByteArray &pinned);

} // namespace natter::client::certificatepin
