#pragma once
// Trust on first use for self-signed LAN servers: shows the certificate's fingerprint and
// lets the person accept it (pinned per profile), with a loud warning when it changed.

class QSslCertificate;
class QWidget;

namespace natter::client {

class ChatClient;

void askToTrustCertificate(QWidget *parent, ChatClient &client, const QSslCertificate &certificate,
                           bool changed);

} // namespace natter::client
