// SqlStore: the search index (written with each message, in its transaction) and search.
// SQLite: a contentless FTS5 table; PostgreSQL: a tsvector table with a GIN index. Both hold
// the words common/searchtext.h makes, so both answer a query alike.
#include "sqlstore.h"

#include "protocollimits.h"
#include "storerows.h"

#include <QDebug>

namespace natter::server {
namespace {

constexpr int kBackfillBatch = 5000;

QString conversationToken(qint64 conversationId)
{
    return QStringLiteral("c%1").arg(conversationId);
}

// An FTS5 query: every term on the words column (a phrase, its last word a prefix when the
// user is still typing it), and the conversation on `conv`. The words are letters, digits
// and marks only (searchtext::words), so no FTS5 syntax can come from the user.
QString fts5Query(const QList<searchtext::Term> &terms, qint64 conversationId)
{
    QStringList parts;
    if (conversationId > 0)
        parts.append(QStringLiteral("conv:\"%1\"").arg(conversationToken(conversationId)));
    for (const searchtext::Term &term : terms) {
        QString phrase = term.words.join(QLatin1Char(' '));
        phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
        parts.append(QStringLiteral("words:\"%1\"%2")
                         .arg(phrase, term.prefix ? QStringLiteral("*") : QString()));
    }
    return parts.join(QLatin1String(" AND "));
}

// A tsquery of the 'simple' configuration: terms joined by &, a phrase's words by <->.
QString tsQuery(const QList<searchtext::Term> &terms)
{
    QStringList parts;
    for (const searchtext::Term &term : terms) {
        QStringList lexemes;
        for (qsizetype i = 0; i < term.words.size(); ++i) {
            QString word = term.words[i];
            word.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            word.replace(QLatin1Char('\''), QLatin1String("''"));
            const bool prefix = term.prefix && i == term.words.size() - 1;
            lexemes.append(QLatin1Char('\'') + word + QLatin1Char('\'') +
                           (prefix ? QLatin1String(":*") : QLatin1String()));
        }
        parts.append(lexemes.size() == 1 ? lexemes.first()
                                         : QLatin1Char('(') + lexemes.join(QLatin1String(" <-> ")) +
                                               QLatin1Char(')'));
    }
    return parts.join(QLatin1String(" & "));
}

// The newest indexed matches below a message id, at most a window of them; then each one's
// message, whether the user sees it in its conversation (a current member, and in a group
// from the line that added them: as history() does) and whether they hid it.
QString searchSql(const QString &candidates)
{
    return QStringLiteral("SELECT m.id, m.conversation_id, m.sender_id, m.client_id, m.content, "
                          "m.created_at, m.edited_at, m.deleted, m.rev, m.system_event, "
                          "p.user_id IS NOT NULL, h.message_id IS NOT NULL FROM (") +
           candidates +
           QStringLiteral(") c JOIN messages m ON m.id = c.id "
                          "LEFT JOIN participants p ON p.conversation_id = m.conversation_id "
                          "AND p.user_id = ? AND p.left_rev IS NULL AND m.id >= p.joined_from "
                          "LEFT JOIN hidden_messages h ON h.message_id = m.id AND h.user_id = ? "
                          "ORDER BY m.id DESC");
}

bool inScope(const SearchScope &scope, const Message &m)
{
    return !m.deleted && (scope.conversationId == 0 || m.conversationId == scope.conversationId) &&
           (scope.senderId == 0 || m.senderId == scope.senderId) &&
           (scope.afterTime == 0 || m.createdAt >= scope.afterTime) &&
           (scope.beforeTime == 0 || m.createdAt < scope.beforeTime);
}

} // namespace

StoreResult<bool> SqlStore::indexMessage(const Message &m)
{
    bool ok = false;
    const QString words = searchtext::indexText(m.content);
    QSqlQuery &q =
        m_sql.kind() == SqlDialect::Kind::Sqlite
            ? m_sql.exec(QStringLiteral("INSERT INTO message_search (rowid, conv, words) "
                                        "VALUES (?, ?, ?)"),
                         {m.id, conversationToken(m.conversationId), words}, &ok)
            : m_sql.exec(QStringLiteral("INSERT INTO message_search (message_id, "
                                        "conversation_id, words) "
                                        "VALUES (?, ?, to_tsvector('simple', ?))"),
                         {m.id, m.conversationId, words}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::unindexMessage(const Message &m)
{
    bool ok = false;
    // A contentless FTS5 table forgets a row when told the words it indexed.
    QSqlQuery &q =
        m_sql.kind() == SqlDialect::Kind::Sqlite
            ? m_sql.exec(
                  QStringLiteral("INSERT INTO message_search (message_search, rowid, "
                                 "conv, words) VALUES ('delete', ?, ?, ?)"),
                  {m.id, conversationToken(m.conversationId), searchtext::indexText(m.content)},
                  &ok)
            : m_sql.exec(QStringLiteral("DELETE FROM message_search WHERE message_id = ?"), {m.id},
                         &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::backfillSearchIndex()
{
    bool ok = false;
    QSqlQuery &state =
        m_sql.exec(QStringLiteral("SELECT up_to, done_up_to FROM search_backfill"), {}, &ok);
    if (!ok)
        return m_sql.failed<bool>(state);
    if (!state.next())
        return StoreResult<bool>::success(true);
    const qint64 upTo = state.value(0).toLongLong();
    qint64 done = state.value(1).toLongLong();
    state.finish();
    if (done >= upTo)
        return StoreResult<bool>::success(true);
    qInfo().noquote() << QStringLiteral("search index: indexing the messages up to id %1, "
                                        "stored before it existed (from id %2)")
                             .arg(upTo)
                             .arg(done + 1);
    while (done < upTo) {
        const auto batch = m_sql.inTransaction<qint64>([&]() -> StoreResult<qint64> {
            QSqlQuery &rows = m_sql.exec(
                kMessageSelect + QStringLiteral("WHERE m.id > ? AND m.id <= ? ORDER BY m.id "
                                                "LIMIT ?"),
                {done, upTo, kBackfillBatch}, &ok);
            if (!ok)
                return m_sql.failed<qint64>(rows);
            QList<Message> messages;
            while (rows.next())
                messages.append(messageFromRow(rows));
            rows.finish();
            for (const Message &m : std::as_const(messages)) {
                if (m.deleted || m.system) // system lines are not indexed (appendSystemLine)
                    continue;
                const auto indexed = indexMessage(m);
                if (!indexed.ok())
                    return StoreResult<qint64>::fail(indexed.failure, indexed.detail);
            }
            const qint64 reached = messages.size() < kBackfillBatch ? upTo : messages.last().id;
            QSqlQuery &mark = m_sql.exec(
                QStringLiteral("UPDATE search_backfill SET done_up_to = ?"), {reached}, &ok);
            if (!ok)
                return m_sql.failed<qint64>(mark);
            return StoreResult<qint64>::success(reached);
        });
        if (!batch.ok())
            return StoreResult<bool>::fail(batch.failure, batch.detail);
        done = batch.value;
        qInfo().noquote() << QStringLiteral("search index: up to id %1 of %2").arg(done).arg(upTo);
    }
    return StoreResult<bool>::success(true);
}

StoreResult<SearchPage> SqlStore::search(const SearchScope &scope)
{
    using R = StoreResult<SearchPage>;
    if (scope.conversationId > 0) {
        const auto member = membership(scope.conversationId, scope.userId);
        if (!member.ok())
            return R::fail(member.failure, member.detail);
    }
    const qint64 before = scope.before > 0 ? scope.before : limits::kMaxId + 1;
    const int window = limits::kSearchScanWindow;
    bool ok = false;
    QSqlQuery *q = nullptr;
    if (m_sql.kind() == SqlDialect::Kind::Sqlite) {
        q = &m_sql.exec(searchSql(QStringLiteral("SELECT rowid AS id FROM message_search "
                                                 "WHERE message_search MATCH ? AND rowid < ? "
                                                 "ORDER BY rowid DESC LIMIT ?")),
                        {fts5Query(scope.terms, scope.conversationId), before, window, scope.userId,
                         scope.userId},
                        &ok);
    } else if (scope.conversationId > 0) {
        q = &m_sql.exec(searchSql(QStringLiteral(
                            "SELECT message_id AS id FROM message_search "
                            "WHERE conversation_id = ? AND words @@ to_tsquery('simple', ?) "
                            "AND message_id < ? ORDER BY message_id DESC LIMIT ?")),
                        {scope.conversationId, tsQuery(scope.terms), before, window, scope.userId,
                         scope.userId},
                        &ok);
    } else {
        q = &m_sql.exec(
            searchSql(QStringLiteral("SELECT message_id AS id FROM message_search "
                                     "WHERE words @@ to_tsquery('simple', ?) AND message_id < ? "
                                     "ORDER BY message_id DESC LIMIT ?")),
            {tsQuery(scope.terms), before, window, scope.userId, scope.userId}, &ok);
    }
    if (!ok)
        return m_sql.failed<SearchPage>(*q);
    SearchPage page;
    int examined = 0;
    qint64 lowest = 0;
    while (q->next()) {
        if (page.messages.size() == scope.limit) {
            // A full page and more candidates: older hits may follow the last one.
            page.hasMore = true;
            page.nextBefore = page.messages.last().id;
            break;
        }
        ++examined;
        lowest = q->value(0).toLongLong();
        const bool member = q->value(10).toBool();
        const bool hidden = q->value(11).toBool();
        if (!member || hidden)
            continue;
        Message m = messageFromRow(*q);
        if (inScope(scope, m))
            page.messages.append(std::move(m));
    }
    q->finish();
    if (!page.hasMore && examined == window) {
        // The window ended before the page filled: go on below what was examined.
        page.hasMore = true;
        page.nextBefore = lowest;
    }
    return R::success(page);
}

} // namespace natter::server
