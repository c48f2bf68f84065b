#include "logindialog.h"

#include "chatclient.h"
#include "validation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {

LoginDialog::LoginDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_server(new QLineEdit(this)),
      m_username(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("Remember me on this computer"), this)),
      m_error(new QLabel(this)), m_signIn(new QPushButton(tr("Sign in"), this)),
      m_register(new QPushButton(tr("Create account"), this))
{
    setWindowTitle(tr("Natter — sign in (%1)").arg(client.settings().profile()));
    m_server->setText(client.settings().serverUrl().toString());
    m_username->setText(client.settings().username());
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setChecked(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #c0392b; "
                                          "padding: 6px; border-radius: 4px;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server"), m_server);
    form->addRow(tr("&Username"), m_username);
    form->addRow(tr("&Password"), m_password);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_register, QDialogButtonBox::ActionRole);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_signIn, &QPushButton::clicked, this, [this]() { submit(false); });
    connect(m_register, &QPushButton::clicked, this, [this]() { submit(true); });
    connect(&m_client, &ChatClient::authenticated, this, &QDialog::accept);
    connect(&m_client, &ChatClient::authenticationFailed, this,
            [this](const ProtocolError &e) { showError(messageFor(e, m_registering)); });
    if (m_username->text().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
}

QString LoginDialog::messageFor(const ProtocolError &error, bool registering)
{
    switch (error.code) {
    case ErrorCode::Unauthorized:
        return tr("Wrong username or password.");
    case ErrorCode::Conflict:
        return tr("That username is taken. Choose another one.");
    case ErrorCode::Unavailable:
        return error.message.isEmpty() ? tr("The server cannot be reached.") : error.message;
    case ErrorCode::RateLimited:
        return tr("Too many attempts. Wait a moment and try again.");
    case ErrorCode::BadRequest:
        return registering ? error.message : tr("Wrong username or password.");
    default:
        return tr("The server said: %1").arg(error.message);
    }
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_signIn->setEnabled(true);
    m_register->setEnabled(true);
}

void LoginDialog::submit(bool registering)
{
    m_registering = registering;
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return showError(tr("The server address must look like ws://host:7467/v1"));
    if (registering) {
        if (auto problem = validation::checkUsername(m_username->text()))
            return showError(problem->message);
        if (auto problem = validation::checkPassword(m_password->text()))
            return showError(problem->message);
    }
    m_error->hide();
    m_signIn->setEnabled(false);
    m_register->setEnabled(false);
    if (registering)
        m_client.registerAccount(url, m_username->text(), m_password->text(),
                                 m_remember->isChecked());
    else
        m_client.signIn(url, m_username->text(), m_password->text(), m_remember->isChecked());
}

} // namespace natter::client
