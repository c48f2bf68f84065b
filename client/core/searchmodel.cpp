#include "searchmodel.h"

#include "errorcode.h"
#include "replies.h"
#include "requests.h"
#include "searchtext.h"
#include "serverconnection.h"
#include "types.h"

#include <QDateTime>

#include <cmath>

namespace natter::client {

SearchModel::SearchModel(ServerConnection &connection, NameOf senderName, NameOf conversationName,
                         QObject *parent)
    : QAbstractListModel(parent), m_connection(connection), m_senderName(std::move(senderName)),
      m_conversationName(std::move(conversationName))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250); // one request per pause in typing, not per key
    connect(&m_debounce, &QTimer::timeout, this, [this]() { send(0); });
}

SearchModel::~SearchModel() = default;

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const Message &m = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.content;
    case IdRole:
        return m.id;
    case ConversationIdRole:
        return m.conversationId;
    case ConversationNameRole:
        return m_conversationName(m.conversationId);
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return m_senderName(m.senderId);
    case CreatedAtMsRole:
        return m.createdAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{IdRole, "messageId"},
            {ConversationIdRole, "conversationId"},
            {ConversationNameRole, "conversationName"},
            {SenderIdRole, "senderId"},
            {SenderNameRole, "senderName"},
            {TextRole, "text"},
            {CreatedAtMsRole, "createdAtMs"}};
}

int SearchModel::rowOfMessage(qint64 messageId) const
{
    for (int row = 0; row < m_hits.size(); ++row) {
        if (m_hits.at(row).id == messageId)
            return row;
    }
    return -1;
}

void SearchModel::setCriteria(const SearchCriteria &criteria)
{
    if (criteria == m_criteria && m_error.isEmpty())
        return;
    ++m_latest; // whatever is in flight answers an older question
    m_criteria = criteria;
    m_words = searchWordsOf(criteria.query);
    m_answered = false;
    m_total = -1;
    beginResetModel();
    m_hits.clear();
    endResetModel();
    if (criteria.query.trimmed().isEmpty()) {
        m_debounce.stop();
        return setState(false, false, {});
    }
    // A query the server would refuse is said at once, without asking it.
    ProtocolError bad;
    if (!searchtext::parseQuery(criteria.query, &bad)) {
        m_debounce.stop();
        return setState(false, false, searchErrorText(bad));
    }
    setState(true, false, {});
    m_debounce.start();
}

void SearchModel::setInputError(const QString &text)
{
    ++m_latest;
    m_debounce.stop();
    m_criteria = {};
    m_words = {};
    m_total = -1;
    beginResetModel();
    m_hits.clear();
    endResetModel();
    setState(false, false, text);
}

void SearchModel::searchNow()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        send(0);
    }
}

void SearchModel::loadMore()
{
    if (!m_hasMore || m_debounce.isActive() || m_searching)
        return;
    setState(true, true, {});
    send(m_nextBefore);
}

void SearchModel::clear()
{
    setCriteria({});
}

void SearchModel::send(qint64 before)
{
    SearchRequest request;
    request.query = m_criteria.query;
    request.conversationId = m_criteria.conversationId;
    request.senderId = m_criteria.senderId;
    request.afterTime = m_criteria.afterTime;
    request.beforeTime = m_criteria.beforeTime;
    request.before = before;
    request.limit = m_pageSize;
    const quint64 serial = ++m_latest;
    ++m_sent;
    m_connection.request(
        protocol::RequestType::Search, request.toJson(),
        [this, serial](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            if (serial != m_latest)
                return; // the criteria changed meanwhile: this answers an older question
            ProtocolError bad;
            const auto r = e ? std::nullopt : SearchReply::fromJson(reply, &bad);
            if (!r)
                return onError(e ? *e : bad);
            onReply(*r);
        });
}

void SearchModel::onReply(const SearchReply &reply)
{
    m_answered = true;
    m_nextBefore = reply.nextBefore;
    if (reply.total >= 0) { // first pages only
        m_total = reply.total;
        m_totalExact = reply.totalExact;
    }
    if (!reply.messages.isEmpty()) {
        beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + reply.messages.size() - 1));
        m_hits.append(reply.messages);
        endInsertRows();
    }
    setState(false, reply.hasMore, {});
    emit pageArrived();
}

void SearchModel::onError(const ProtocolError &error)
{
    m_answered = true;
    // A failed "load more" keeps what was found; the next try asks for the same page.
    setState(false, m_hits.isEmpty() ? false : m_nextBefore > 0, searchErrorText(error));
    emit pageArrived();
}

void SearchModel::setState(bool searching, bool hasMore, const QString &error)
{
    if (searching == m_searching && hasMore == m_hasMore && error == m_error)
        return;
    m_searching = searching;
    m_hasMore = hasMore;
    m_error = error;
    emit stateChanged();
}

QString searchErrorText(const ProtocolError &error)
{
    switch (error.code) {
    case ErrorCode::RateLimited: {
        const int seconds = int(std::ceil(double(qMax<qint64>(error.retryAfterMs, 1)) / 1000.0));
        return SearchModel::tr("Searching too often: try again in %n s", nullptr, seconds);
    }
    case ErrorCode::BadRequest:
        return SearchModel::tr("Cannot search for that: %1").arg(error.message);
    case ErrorCode::TooLarge:
        return SearchModel::tr("The search is too long.");
    case ErrorCode::NotFound:
        return SearchModel::tr("That conversation cannot be searched.");
    case ErrorCode::Unavailable:
        return SearchModel::tr("Search needs a connection to the server.");
    default:
        return error.message;
    }
}

} // namespace natter::client
