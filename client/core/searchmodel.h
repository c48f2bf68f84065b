#pragma once
// The hits of a message search (the `search` request), newest first, for the search dialog
// and the find bar. Typing changes the criteria; the request goes out once typing pauses
// (debounced), and only the latest request's reply is shown: a reply to an older one is
// dropped, so the list never goes back to an earlier query. "Load more" asks for the next
// page with the reply's `next_before`. Errors (rate limited, a query without words, offline)
// become one line of text for the UI.

#include "replies.h"
#include "searchhighlight.h"

#include <QAbstractListModel>
#include <QList>
#include <QTimer>

#include <functional>
#include <optional>

namespace natter {
struct Message;
struct ProtocolError;
} // namespace natter

namespace natter::client {

class ServerConnection;

// What a search asks for (the request's fields but the paging).
struct SearchCriteria
{
    QString query;
    qint64 conversationId = 0; // 0: every conversation
    qint64 senderId = 0;       // 0: anyone
    qint64 afterTime = 0;      // ms since the epoch; 0: no bound
    qint64 beforeTime = 0;
    friend bool operator==(const SearchCriteria &, const SearchCriteria &) = default;
};

class SearchModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ConversationIdRole,
        ConversationNameRole,
        SenderIdRole,
        SenderNameRole,
        TextRole,
        CreatedAtMsRole, // qint64 ms since the epoch
    };
    using NameOf = std::function<QString(qint64 id)>;

    SearchModel(ServerConnection &connection, NameOf senderName, NameOf conversationName,
                QObject *parent = nullptr);
    ~SearchModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // New criteria: the list empties and a search goes out after the debounce interval (an
    // empty query: nothing is searched). Equal criteria change nothing.
    void setCriteria(const SearchCriteria &criteria);
    // Shown instead of results (e.g. a filter naming no one known); no request goes out.
    void setInputError(const QString &text);
    void searchNow(); // the pending search, without waiting for the debounce
    void loadMore();  // the next page, when hasMore()
    void clear();     // no criteria; a reply still on its way is dropped
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    void setPageSize(int hits) { m_pageSize = hits; } // 0: the server's default

    const SearchCriteria &criteria() const { return m_criteria; }
    const SearchWords &highlightWords() const { return m_words; }
    bool hasMore() const { return m_hasMore; }
    bool isSearching() const { return m_searching; }
    bool hasSearched() const { return m_answered; } // the current criteria were answered
    QString errorText() const { return m_error; }
    int rowOfMessage(qint64 messageId) const; // -1 when not listed
    // How many hits the server counted for the current criteria (-1: not known yet), and
    // whether that is all of them or a lower bound.
    int total() const { return m_total; }
    bool totalIsExact() const { return m_totalExact; }
    qint64 requestsSent() const { return m_sent; }

signals:
    void stateChanged(); // searching, hasMore or the error text changed
    void pageArrived();  // the rows grew with the latest request's reply

private:
    void send(qint64 before);
    void onReply(const SearchReply &reply);
    void onError(const ProtocolError &error);
    void setState(bool searching, bool hasMore, const QString &error);

    ServerConnection &m_connection;
    NameOf m_senderName;
    NameOf m_conversationName;
    QTimer m_debounce;
    SearchCriteria m_criteria;
    SearchWords m_words;
    QList<Message> m_hits;
    quint64 m_latest = 0; // the request whose reply counts; older replies are dropped
    qint64 m_nextBefore = 0;
    qint64 m_sent = 0;
    int m_pageSize = 0;
    int m_total = -1;
    bool m_totalExact = false;
    bool m_hasMore = false;
    bool m_searching = false;
    bool m_answered = false;
    QString m_error;
};

// What the UI says for a failed search.
QString searchErrorText(const ProtocolError &error);

} // namespace natter::client
