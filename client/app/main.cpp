// natter: the desktop client. Parses the options, picks the profile, signs in (remembered
// token, the login dialog, or non-interactively for demos and scripts) and shows the window.

#include "chatclient.h"
#include "focusring.h"
#include "icons.h"
#include "localserverhost.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "profilesettings.h"
#include "serveraddress.h"
#include "serverfinder.h"
#include "themechoice.h"
#include "translations.h"
#include "windowplacement.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QScreen>

#include <cstdio>
#include <optional>

using namespace natter;
using namespace natter::client;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "natter: %s\n", qPrintable(message));
    std::exit(2);
}

// X11 style: WIDTHxHEIGHT+X+Y (the offset is optional).
std::optional<QRect> parseGeometry(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)x(\\d+)(?:([+-]\\d+)([+-]\\d+))?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return QRect(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(1).toInt(),
                 m.captured(2).toInt());
}

void placeWindow(MainWindow &window, const QString &position, const QString &geometry)
{
    if (!geometry.isEmpty()) {
        const auto rect = parseGeometry(geometry);
        if (!rect)
            fail(QStringLiteral("--geometry must look like 800x600+0+0"));
        window.setGeometry(*rect);
        return;
    }
    if (position.isEmpty())
        return;
    if (position != QLatin1String("left") && position != QLatin1String("right"))
        fail(QStringLiteral("--position must be left or right"));
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    const int width = screen.width() / 2;
    const int gap = 8;
    WindowPlacement::place(window,
                           QRect(screen.x() + (position == QLatin1String("left") ? 0 : width) + gap,
                                 screen.y() + gap, width - 2 * gap, screen.height() - 2 * gap));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("natter"));
    QApplication::setWindowIcon(icons::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Natter desktop chat. Each --profile keeps its own account, settings and "
                       "window, so two windows on one machine can be two people."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QStringLiteral("Profile to use: its own login, settings, outbox and window (default: "
                       "default)."),
        QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("Server address, e.g. ws://192.168.1.10:7467/v1 (remembered)."),
        QStringLiteral("URL"));
    const QCommandLineOption username(
        QStringLiteral("username"),
        QStringLiteral("Sign in as USER without the dialog (needs --password-env)."),
        QStringLiteral("USER"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        QStringLiteral("Environment variable that holds the password for --username."),
        QStringLiteral("VAR"));
    const QCommandLineOption registerOption(
        QStringLiteral("register"),
        QStringLiteral("With --username: create the account first if it does not exist."));
    const QCommandLineOption position(
        QStringLiteral("position"),
        QStringLiteral("Put the window on the left or right half of the screen."),
        QStringLiteral("left|right"));
    const QCommandLineOption geometry(QStringLiteral("geometry"),
                                      QStringLiteral("Window size and place, e.g. 800x900+0+0."),
                                      QStringLiteral("WxH+X+Y"));
    const QCommandLineOption noDiscovery(
        QStringLiteral("no-discovery"),
        QStringLiteral("Do not look for servers on the local network (the sign-in window's "
                       "checkbox turns it off for good)."));
    parser.addOptions(
        {profile, server, username, passwordEnv, registerOption, position, geometry, noDiscovery});
    parser.process(app);

    ProfileSettings settings(parser.value(profile));
    translations::install(settings.language());
    theme::apply(theme::choiceFromName(settings.theme()));
    FocusRing::install();
    if (parser.isSet(server)) {
        const std::optional<QUrl> url = serverUrlFromInput(parser.value(server));
        if (!url)
            fail(QStringLiteral("--server must be a host, host:port, or a ws:// or wss:// URL"));
        settings.setServerUrl(*url);
    }
    ServerFinder finder;
    // A server this profile chose to host runs while the app does: start it again first.
    LocalServerHost hostedServer;
    QObject::connect(&hostedServer, &LocalServerHost::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "natter: hosted server: %s\n", qPrintable(message));
    });
    if (settings.hostsServer())
        hostedServer.start();
    ChatClient client(settings);
    MainWindow window(client);
    placeWindow(window, parser.value(position), parser.value(geometry));

    const auto askToSignIn = [&]() {
        LoginDialog dialog(client, parser.isSet(noDiscovery) ? nullptr : &finder, &hostedServer,
                           window.isVisible() ? &window : nullptr);
        return dialog.exec() == QDialog::Accepted;
    };
    // Signing out leads back to the login dialog; closing it ends the app.
    QObject::connect(&client.session(), &SessionController::signedOut, &window, [&]() {
        window.hide();
        if (askToSignIn())
            window.show();
        else
            QApplication::quit();
    });

    if (parser.isSet(username)) {
        const QString user = parser.value(username);
        if (!parser.isSet(passwordEnv))
            fail(QStringLiteral("--username needs --password-env VAR"));
        const QString password = qEnvironmentVariable(parser.value(passwordEnv).toLocal8Bit());
        if (password.isEmpty())
            fail(QStringLiteral("the variable named by --password-env is empty or unset"));
        bool registering = parser.isSet(registerOption);
        QObject::connect(&client.session(), &SessionController::authenticationFailed, &window,
                         [&, user, password](const ProtocolError &error) {
                             if (registering && error.code == ErrorCode::Conflict) {
                                 registering = false; // it exists already: sign in instead
                                 client.session().signIn(settings.serverUrl(), user, password,
                                                         true);
                                 return;
                             }
                             const QString text =
                                 LoginDialog::messageFor(error, registering, settings.serverUrl());
                             std::fprintf(stderr, "natter: %s\n", qPrintable(text));
                             // Unreachable: the connection keeps retrying and signs in later.
                             if (error.code != ErrorCode::Unavailable)
                                 QApplication::exit(1);
                         });
        if (registering)
            client.session().registerAccount(settings.serverUrl(), user, password, true);
        else
            client.session().signIn(settings.serverUrl(), user, password, true);
    } else if (client.session().resume()) {
        // A remembered login that the server no longer accepts falls back to the dialog.
        QObject::connect(&client.session(), &SessionController::authenticationFailed, &window,
                         [&]() {
                             if (!client.session().isAuthenticated() && !askToSignIn())
                                 QApplication::quit();
                         });
    } else if (!askToSignIn()) {
        return 0;
    }
    window.show();
    return QApplication::exec();
}
