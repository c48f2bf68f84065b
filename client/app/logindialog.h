#pragma once
// Sign in or create an account: server address (remembered per profile), username,
// password, "remember me". Errors become clear sentences: wrong password, name taken,
// server unreachable, TLS failure, too many attempts. Servers found on the LAN are listed
// (NearbyServersPanel), so nobody has to type an address.

#include "errorcode.h"

#include <QDialog>
#include <QSet>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSslCertificate;

namespace natter::client {

class ChatClient;
class LocalServerHost;
class NearbyServersPanel;
class ServerFinder;

class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    // `finder` and `host` are optional: without them the dialog has no LAN list / hosting.
    explicit LoginDialog(ChatClient &client, ServerFinder *finder = nullptr,
                         LocalServerHost *host = nullptr, QWidget *parent = nullptr);

    static QString messageFor(const ProtocolError &error, bool registering, const QUrl &server);
    static bool isTlsFailure(const ProtocolError &error);
    static QString closedRegistrationText();

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *registerButton() const { return m_register; }
    // "This server does not take new accounts…": shown while the address is one whose server
    // said so (Create account is disabled then).
    QLabel *registrationNote() const { return m_registrationNote; }
    NearbyServersPanel *nearbyServers() const { return m_nearby; }
    QString errorText() const;

private:
    void submit(bool registering);
    void showError(const QString &message);
    void setBusy(bool busy);
    void updateButtons();
    bool registrationClosedHere() const;
    // The same server however its address is written ("ws://h:1/v1/" and "ws://h:1/v1").
    static QString serverKey(const QString &address);
    void onUntrustedCertificate(const QSslCertificate &certificate, bool changed);

    ChatClient &m_client;
    NearbyServersPanel *m_nearby;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QLabel *m_progress;
    QLabel *m_registrationNote;
    QPushButton *m_signIn;
    QPushButton *m_register;
    QString m_tlsFailure; // of the current attempt
    bool m_registering = false;
    bool m_busy = false;
    bool m_serverTyped = false; // the user typed an address: discovery must not replace it
    // Servers that answered `register` with forbidden: registration is closed there.
    QSet<QString> m_closedServers;
};

} // namespace natter::client
