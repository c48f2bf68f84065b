#pragma once
// Logs what QWebSocketServer reports only through signals: failed accepts, failed HTTP
// upgrades and, with TLS, failed handshakes. Warnings, so that a flood of them is summarised
// (LogSummariser) rather than written one by one.

class QWebSocketServer;

namespace natter::server {

void logWebSocketServerErrors(QWebSocketServer &server);

} // namespace natter::server
