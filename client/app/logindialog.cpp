#include "logindialog.h"

#include "certificateprompt.h"
#include "chatclient.h"
#include "icons.h"
#include "nearbyserverspanel.h"
#include "protocollimits.h"
#include "serveraddress.h"
#include "theme.h"
#include "validation.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {

LoginDialog::LoginDialog(ChatClient &client, ServerFinder *finder, LocalServerHost *host,
                         QWidget *parent)
    : QDialog(parent), m_client(client),
      m_nearby(new NearbyServersPanel(client.settings(), finder, host, this)),
      m_server(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("Keep me signed in on this computer"), this)),
      m_error(new QLabel(this)), m_progress(new QLabel(this)), m_registrationNote(new QLabel(this)),
      m_signIn(new QPushButton(tr("Sign in"), this)),
      m_register(new QPushButton(tr("Create account"), this))
{
    const QString profile = client.settings().profile();
    setWindowTitle(profile == QLatin1String("default")
                       ? tr("Sign in to Natter")
                       : tr("Sign in to Natter (profile %1)").arg(profile));
    setWindowIcon(icons::appIcon());

    auto *logo = new QLabel(this);
    logo->setPixmap(icons::appIcon().pixmap(56, 56));
    auto *title = new QLabel(tr("Welcome to Natter"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Sign in, or create an account on your server."), this);
    QPalette mutedPal = subtitle->palette();
    mutedPal.setColor(QPalette::WindowText, theme::mutedText(palette()));
    subtitle->setPalette(mutedPal);
    auto *heading = new QVBoxLayout;
    heading->setSpacing(2);
    heading->addWidget(title);
    heading->addWidget(subtitle);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(logo);
    top->addLayout(heading, 1);

    m_server->setText(client.settings().serverUrl().toString());
    m_server->setPlaceholderText(QStringLiteral("ws://127.0.0.1:7467/v1"));
    m_server->setToolTip(tr("The address your server's administrator gave you (ws:// or wss://)"));
    m_username->setText(client.settings().username());
    m_username->setPlaceholderText(tr("e.g. alice"));
    m_username->setMaxLength(64);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 8 characters"));
    QAction *reveal =
        m_password->addAction(icons::tinted(QStringLiteral("eye"), theme::mutedText(palette())),
                              QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the password"));
    connect(reveal, &QAction::toggled, this, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_remember->setChecked(true);

    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setAutoFillBackground(true);
    m_error->setContentsMargins(10, 8, 10, 8);
    QPalette errorPal = m_error->palette();
    errorPal.setColor(QPalette::Window, theme::dangerBackground(palette()));
    errorPal.setColor(QPalette::WindowText, theme::danger(palette()));
    m_error->setPalette(errorPal);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Its room is kept while there is no error: one appearing must not move the fields or
    // the buttons under the pointer. Three lines hold the longest sentence (the TLS one).
    QSizePolicy keepRoom = m_error->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_error->setSizePolicy(keepRoom);
    m_error->setMinimumHeight(3 * m_error->fontMetrics().lineSpacing() + 8 + 8);
    m_error->hide();
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setPalette(mutedPal);
    m_progress->hide();
    m_registrationNote->setTextFormat(Qt::PlainText);
    m_registrationNote->setWordWrap(true);
    m_registrationNote->setPalette(mutedPal);
    m_registrationNote->setText(closedRegistrationText());
    m_registrationNote->hide();

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setVerticalSpacing(10);
    form->addRow(tr("&Server"), m_server);
    form->addRow(tr("&Username"), m_username);
    form->addRow(tr("&Password"), m_password);
    form->addRow(QString(), m_remember);

    m_signIn->setDefault(true);
    m_register->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_register);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 22, 24, 20);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addWidget(m_nearby);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(m_registrationNote, 0, Qt::AlignRight);
    setMinimumWidth(460);

    connect(m_signIn, &QPushButton::clicked, this, [this]() { submit(false); });
    connect(m_register, &QPushButton::clicked, this, [this]() { submit(true); });
    connect(m_server, &QLineEdit::textEdited, this, [this]() { m_serverTyped = true; });
    connect(m_nearby, &NearbyServersPanel::serverChosen, this, [this](const QUrl &url) {
        m_server->setText(url.toString());
        m_error->hide();
        (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
    });
    // First run: the first server found is the likely one; a remembered or typed address wins.
    connect(m_nearby, &NearbyServersPanel::firstServerFound, this, [this](const QUrl &url) {
        if (!m_serverTyped && !m_client.settings().hasServerUrl())
            m_server->setText(url.toString());
    });
    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(&m_client.session(), &SessionController::authenticated, this, [this]() {
        setBusy(false);
        accept();
    });
    connect(&m_client.session(), &SessionController::authenticationFailed, this,
            [this](const ProtocolError &e) {
                // Only the attempt under way is this window's to report: anything else is an
                // older attempt (and would name the address now in the field).
                if (!m_busy)
                    return;
                // A brand-new account cannot have too many windows open: forbidden to `register`
                // means the server takes no new accounts (docs/protocol.md, "Authentication").
                if (m_registering && e.code == ErrorCode::Forbidden) {
                    m_closedServers.insert(serverKey(m_server->text()));
                    setBusy(false);
                    m_error->hide();
                    m_signIn->setFocus();
                    return;
                }
                // The address that was tried, whatever the field says by now.
                const QUrl tried = m_client.session().serverUrl();
                // A refused certificate also ends the connection: keep saying why it ended.
                if (isTlsFailure(e))
                    m_tlsFailure = messageFor(e, m_registering, tried);
                if (!m_tlsFailure.isEmpty() && e.code == ErrorCode::Unavailable)
                    return showError(m_tlsFailure);
                // Unreachable: this attempt is over. Retrying it unseen would later report
                // that address again, under whatever address the field holds then.
                if (e.code == ErrorCode::Unavailable)
                    m_client.session().abandonSignIn();
                showError(messageFor(e, m_registering, tried));
            });
    connect(&m_client.session(), &SessionController::untrustedCertificate, this,
            &LoginDialog::onUntrustedCertificate);
    updateButtons();
    if (m_username->text().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
    // Back here because the server ended the session: say so, not just an empty form.
    if (!m_client.session().signOutReason().isEmpty())
        showError(m_client.session().signOutReason());
}

bool LoginDialog::isTlsFailure(const ProtocolError &error)
{
    // The connection reports TLS handshake failures as "TLS error: …" (serverconnection.cpp).
    return error.code == ErrorCode::Unavailable && error.message.contains(QLatin1String("TLS"));
}

QString LoginDialog::messageFor(const ProtocolError &error, bool registering, const QUrl &server)
{
    const QString where = server.isValid() ? server.toDisplayString() : tr("the server");
    switch (error.code) {
    case ErrorCode::Unauthorized:
        return tr("Wrong username or password. Check both and try again.");
    case ErrorCode::Conflict:
        return tr("That username is already taken. Please choose another one.");
    case ErrorCode::Unavailable:
        if (isTlsFailure(error))
            return tr("A secure connection to %1 could not be set up (TLS error). Check the "
                      "address, or ask the server's administrator about its certificate.\n%2")
                .arg(where, error.message);
        return tr("Cannot reach the server at %1. Is it running, and is the address right?")
            .arg(where);
    case ErrorCode::RateLimited:
        if (error.retryAfterMs > 0)
            return tr("Too many attempts. Please wait %n second(s) and try again.", nullptr,
                      int((error.retryAfterMs + 999) / 1000));
        return tr("Too many attempts. Please wait a moment and try again.");
    case ErrorCode::Forbidden:
        if (registering)
            return closedRegistrationText();
        return tr("This account has too many open windows. Close one and try again.");
    case ErrorCode::BadRequest:
        return registering ? tr("The server did not accept this: %1").arg(error.message)
                           : tr("Wrong username or password. Check both and try again.");
    case ErrorCode::UnsupportedVersion:
        return tr("This server speaks a different version of the protocol. Check the address "
                  "(it ends in /v1).");
    default:
        return tr("The server reported a problem: %1").arg(error.message);
    }
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setText(busy ? (m_registering ? tr("Creating your account…") : tr("Signing in…"))
                             : QString());
    m_progress->setVisible(busy);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_server, m_username, m_password, m_remember})
        w->setEnabled(!busy);
    updateButtons();
}

QString LoginDialog::closedRegistrationText()
{
    return tr("This server does not take new accounts; ask its admin.");
}

QString LoginDialog::serverKey(const QString &address)
{
    const std::optional<QUrl> url = serverUrlFromInput(address);
    return url ? url->toString() : address.trimmed();
}

bool LoginDialog::registrationClosedHere() const
{
    return m_closedServers.contains(serverKey(m_server->text()));
}

void LoginDialog::updateButtons()
{
    const bool filled = !m_server->text().trimmed().isEmpty() &&
                        !m_username->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    const bool closed = registrationClosedHere();
    m_signIn->setEnabled(filled && !m_busy);
    m_register->setEnabled(filled && !m_busy && !closed);
    m_register->setToolTip(closed ? closedRegistrationText() : QString());
    m_registrationNote->setVisible(closed);
}

void LoginDialog::submit(bool registering)
{
    m_registering = registering;
    const std::optional<QUrl> address = serverUrlFromInput(m_server->text());
    if (!address)
        return showError(tr("Type the server's name or address (chat.lan, 192.168.1.5:7467) "
                            "or its ws:// or wss:// URL."));
    const QUrl url = *address;
    const QString username = m_username->text().trimmed();
    if (registering) {
        if (auto problem = validation::checkUsername(username))
            return showError(tr("Usernames have 3 to 32 letters, digits, '.', '_' or '-', and "
                                "start with a letter or digit."));
        if (auto problem = validation::checkPassword(m_password->text()))
            return showError(m_password->text().size() < limits::kMinPasswordChars
                                 ? tr("The password needs at least 8 characters.")
                                 : tr("This password is too common (or only spaces); "
                                      "choose another."));
    }
    m_error->hide();
    m_tlsFailure.clear();
    setBusy(true);
    if (registering)
        m_client.session().registerAccount(url, username, m_password->text(),
                                           m_remember->isChecked());
    else
        m_client.session().signIn(url, username, m_password->text(), m_remember->isChecked());
}

void LoginDialog::onUntrustedCertificate(const QSslCertificate &certificate, bool changed)
{
    if (!isVisible())
        return;
    askToTrustCertificate(this, m_client, certificate, changed);
    // Trusting reconnects and carries on signing in.
    if (m_client.session().connectionState() != ConnectionState::Offline) {
        m_error->hide();
        setBusy(true);
    }
}

} // namespace natter::client
