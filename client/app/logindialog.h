#pragma once
// Sign in or create an account: server address (remembered per profile), username,
// password, "remember me". Errors become clear sentences: wrong password, name taken,
// server unreachable, TLS failure, too many attempts.

#include "errorcode.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSslCertificate;

namespace natter::client {

class ChatClient;

class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(ChatClient &client, QWidget *parent = nullptr);

    static QString messageFor(const ProtocolError &error, bool registering, const QUrl &server);
    static bool isTlsFailure(const ProtocolError &error);

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *registerButton() const { return m_register; }
    QString errorText() const;

private:
    void submit(bool registering);
    void showError(const QString &message);
    void setBusy(bool busy);
    void updateButtons();
    void onUntrustedCertificate(const QSslCertificate &certificate, bool changed);

    ChatClient &m_client;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QLabel *m_progress;
    QPushButton *m_signIn;
    QPushButton *m_register;
    QString m_tlsFailure; // of the current attempt
    bool m_registering = false;
    bool m_busy = false;
};

} // namespace natter::client
