#pragma once
// Which socket a QWebSocket was upgraded from. QWebSocket has no accessor for it and does not
// adopt it; its bytesToWrite() asks the socket's, and the server's own socket classes
// (LeanTcpSocket, TlsServerSocket) answer that by recording who was asked while a probe runs.

class QTcpSocket;
class QWebSocket;

namespace natter::server::socketprobe {

// The socket under `webSocket`, or null (not one of ours, or a Qt whose QWebSocket no longer
// asks its socket).
QTcpSocket *under(const QWebSocket &webSocket);

// Called from an override of bytesToWrite(): records `socket` when a probe is running.
void asked(const QTcpSocket *socket);

} // namespace natter::server::socketprobe
