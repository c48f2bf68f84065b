#include "usercommand.h"

#include "app/databasecreation.h"
#include "app/storefactory.h"
#include "services/passwordhasher.h"
#include "validation.h"

#include <QDateTime>

namespace natter::server {
namespace {

QString readPassword(QTextStream &in, QTextStream &err)
{
    const QString password = in.readLine();
    if (auto problem = validation::checkPassword(password)) {
        err << "natter-server: " << problem->message << '\n';
        return {};
    }
    return password;
}

} // namespace

int runUserCommand(const QStringList &command, const ServerConfig &config, QTextStream &in,
                   QTextStream &out, QTextStream &err)
{
    const QString verb = command.value(1);
    const QString name = command.value(2);
    const bool needsName = verb != QLatin1String("list");
    const QStringList verbs{QStringLiteral("list"), QStringLiteral("add"),
                            QStringLiteral("disable"), QStringLiteral("enable"),
                            QStringLiteral("reset-password")};
    if (!verbs.contains(verb) || (needsName && name.isEmpty()) ||
        command.size() != (needsName ? 3 : 2)) {
        err << "natter-server: usage: natter-server [--database PATH] user "
               "list | add NAME | disable NAME | enable NAME | reset-password NAME\n";
        return 2;
    }

    // Like the server, never an empty database in place of one that vanished.
    const DatabaseCreation creation = databaseCreation(config);
    if (!creation.error.isEmpty()) {
        err << "natter-server: " << creation.error << '\n';
        return 1;
    }
    const auto store = createStore(config);
    if (const auto opened = store->open(); !opened.ok()) {
        err << "natter-server: cannot open " << config.databasePath << ": " << opened.detail
            << '\n';
        return 1;
    }
    if (creation.create)
        markDatabaseCreated(config.databasePath);
    if (verb == QLatin1String("list")) {
        const auto users = store->listUsers(QString(), 1'000'000);
        if (!users.ok()) {
            err << "natter-server: " << users.detail << '\n';
            return 1;
        }
        for (const User &u : users.value)
            out << u.username << '\n';
        return 0;
    }

    const PasswordHasher hasher(config.passwordCost);
    if (verb == QLatin1String("add")) {
        if (auto problem = validation::checkUsername(name)) {
            err << "natter-server: " << problem->message << '\n';
            return 1;
        }
        const QString password = readPassword(in, err);
        const auto hash = password.isEmpty() ? std::nullopt : hasher.hash(password);
        if (!hash)
            return 1;
        const auto created = store->createUser(name, *hash, QDateTime::currentMSecsSinceEpoch());
        if (!created.ok()) {
            err << "natter-server: "
                << (created.failure == StoreFailure::Conflict ? QStringLiteral("user exists")
                                                              : created.detail)
                << '\n';
            return 1;
        }
        out << "added " << name << '\n';
        return 0;
    }

    const auto user = store->userByName(name);
    if (!user.ok()) {
        err << "natter-server: no such user: " << name << '\n';
        return 1;
    }
    const qint64 id = user.value.id;
    bool ok = true;
    if (verb == QLatin1String("disable") || verb == QLatin1String("enable")) {
        const bool disable = verb == QLatin1String("disable");
        ok = store->setUserDisabled(id, disable).ok() &&
             (!disable || store->revokeUserTokens(id).ok());
    } else { // reset-password
        const QString password = readPassword(in, err);
        const auto hash = password.isEmpty() ? std::nullopt : hasher.hash(password);
        if (!hash)
            return 1;
        ok = store->setPasswordHash(id, *hash).ok() && store->revokeUserTokens(id).ok();
    }
    if (!ok) {
        err << "natter-server: the database refused the change\n";
        return 1;
    }
    out << verb << ' ' << user.value.username << ": done\n";
    return 0;
}

} // namespace natter::server
