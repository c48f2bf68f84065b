#pragma once
// What a person types as a server address, as the WebSocket URL the client opens:
// "chat.lan", "chat.lan:7467", "192.168.1.5", "[fd00::5]:7467", "ws://chat.lan:7467/v1" or
// "wss://chat.lan". A missing scheme is ws://, a missing port the default one, a missing
// path the protocol's /v1.

#include <QString>
#include <QUrl>

#include <optional>

namespace natter::client {

// The URL, or nothing when the text is not a server address (another scheme, no host, a
// port out of range, a user name or a query in it).
std::optional<QUrl> serverUrlFromInput(const QString &text);

} // namespace natter::client
