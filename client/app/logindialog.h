#pragma once
// Sign in or create an account: server address (remembered), username, password,
// remember me; the server's error codes become clear messages.

#include "errorcode.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace natter::client {

class ChatClient;

class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(ChatClient &client, QWidget *parent = nullptr);

    static QString messageFor(const ProtocolError &error, bool registering);

private:
    void submit(bool registering);
    void showError(const QString &message);

    ChatClient &m_client;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QPushButton *m_signIn;
    QPushButton *m_register;
    bool m_registering = false;
};

} // namespace natter::client
