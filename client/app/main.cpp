// natter: the desktop client. Parses options, picks the profile, signs in (stored token,
// the login dialog, or non-interactively for demos) and shows the main window.

#include "chatclient.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "profilesettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>

#include <cstdio>

using namespace natter;
using namespace natter::client;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("natter"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/natter/natter.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Natter desktop chat. Each --profile keeps its own account, settings and "
                       "window, so two windows on one machine can be two people."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Settings profile to use (default: default)."),
                                     QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("Server address, e.g. ws://192.168.1.10:7467/v1."),
        QStringLiteral("URL"));
    const QCommandLineOption username(QStringLiteral("username"),
                                      QStringLiteral("Sign in as USER without the dialog (with "
                                                     "--password-env)."),
                                      QStringLiteral("USER"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        QStringLiteral("Name of the environment variable holding the password."),
        QStringLiteral("VAR"));
    const QCommandLineOption registerOption(
        QStringLiteral("register"),
        QStringLiteral("Create the account first if it does not exist (with --username)."));
    const QCommandLineOption position(QStringLiteral("position"),
                                      QStringLiteral("Place the window on the left or right "
                                                     "half of the screen."),
                                      QStringLiteral("left|right"));
    parser.addOptions({profile, server, username, passwordEnv, registerOption, position});
    parser.process(app);

    ProfileSettings settings(parser.value(profile));
    if (parser.isSet(server)) {
        const QUrl url = QUrl::fromUserInput(parser.value(server));
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
            std::fprintf(stderr, "natter: --server must be a ws:// or wss:// URL\n");
            return 2;
        }
        settings.setServerUrl(url);
    }
    ChatClient client(settings);
    MainWindow window(client);
    if (parser.isSet(position)) {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        const bool left = parser.value(position) == QLatin1String("left");
        const int width = screen.width() / 2;
        window.setGeometry(screen.x() + (left ? 0 : width) + 10, screen.y() + 40, width - 20,
                           screen.height() - 60);
    }

    if (parser.isSet(username)) {
        const QString user = parser.value(username);
        const QString password = qEnvironmentVariable(parser.value(passwordEnv).toLocal8Bit());
        if (password.isEmpty()) {
            std::fprintf(stderr, "natter: --username needs --password-env VAR with VAR set\n");
            return 2;
        }
        bool registering = parser.isSet(registerOption);
        QObject::connect(&client, &ChatClient::authenticationFailed, &app,
                         [&](const ProtocolError &error) {
                             if (registering && error.code == ErrorCode::Conflict) {
                                 registering = false; // exists already: sign in instead
                                 client.signIn(settings.serverUrl(), user, password, true);
                                 return;
                             }
                             std::fprintf(stderr, "natter: %s\n",
                                          qPrintable(LoginDialog::messageFor(error, registering)));
                             QApplication::exit(1);
                         });
        if (registering)
            client.registerAccount(settings.serverUrl(), user, password, true);
        else
            client.signIn(settings.serverUrl(), user, password, true);
        window.show();
        return QApplication::exec();
    }

    if (!client.resume()) {
        LoginDialog dialog(client);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
    } else {
        // A stored token that no longer works falls back to the dialog.
        QObject::connect(&client, &ChatClient::authenticationFailed, &window, [&]() {
            LoginDialog dialog(client, &window);
            if (dialog.exec() != QDialog::Accepted)
                QApplication::quit();
        });
    }
    window.show();
    return QApplication::exec();
}
