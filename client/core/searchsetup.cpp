#include "searchsetup.h"

#include "chatclient.h"

namespace natter::client {

namespace {

const Conversation *conversationNamed(const ConversationListModel &list, const QString &name)
{
    for (int row = 0; row < list.rowCount(); ++row) {
        const Conversation *c =
            list.find(list.index(row).data(ConversationListModel::IdRole).toLongLong());
        if (!c)
            continue;
        const QString shown = c->group ? c->name : c->peer.username;
        if (shown.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    return nullptr;
}

qint64 personNamed(ChatClient &client, const QString &name)
{
    const User me = client.session().currentUser();
    if (me.username.compare(name, Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("me"), Qt::CaseInsensitive) == 0)
        return me.id;
    const ConversationListModel &list = *client.conversations().list();
    for (int row = 0; row < list.rowCount(); ++row) {
        const QModelIndex i = list.index(row);
        if (i.data(ConversationListModel::PeerNameRole)
                .toString()
                .compare(name, Qt::CaseInsensitive) == 0)
            return i.data(ConversationListModel::PeerIdRole).toLongLong();
    }
    return 0;
}

} // namespace

QString conversationName(ChatClient &client, qint64 conversationId)
{
    const Conversation *c = client.conversations().list()->find(conversationId);
    if (!c)
        return {};
    return c->group ? c->name : c->peer.username;
}

SearchModel *createSearchModel(ChatClient &client, QObject *parent)
{
    ChatClient *c = &client;
    auto *model = new SearchModel(
        client.connection(),
        [c](qint64 userId) {
            const User me = c->session().currentUser();
            return userId == me.id ? me.username : c->people().peerName(userId);
        },
        [c](qint64 conversationId) { return conversationName(*c, conversationId); }, parent);
    // Another account's hits must not linger, nor a reply for it arrive later.
    QObject::connect(&client.session(), &SessionController::signedOut, model, &SearchModel::clear);
    return model;
}

ResolvedSearch resolveSearch(ChatClient &client, const SearchInput &input)
{
    ResolvedSearch out;
    out.criteria.query = input.words;
    for (const SearchFilter &f : input.filters) {
        switch (f.kind) {
        case SearchFilter::Kind::From:
            out.criteria.senderId = personNamed(client, f.value);
            if (out.criteria.senderId == 0)
                out.error =
                    SearchModel::tr("No one called “%1” in your conversations.").arg(f.value);
            break;
        case SearchFilter::Kind::In:
            if (const Conversation *c = conversationNamed(*client.conversations().list(), f.value))
                out.criteria.conversationId = c->id;
            else
                out.error = SearchModel::tr("No conversation called “%1”.").arg(f.value);
            break;
        case SearchFilter::Kind::Before:
        case SearchFilter::Kind::After: {
            const qint64 at = startOfLocalDay(f.value);
            if (at == 0)
                out.error = SearchModel::tr("“%1” is not a date like 2026-11-01.").arg(f.value);
            else if (f.kind == SearchFilter::Kind::Before)
                out.criteria.beforeTime = at;
            else
                out.criteria.afterTime = at;
            break;
        }
        }
        if (!out.error.isEmpty())
            break;
    }
    return out;
}

} // namespace natter::client
