// SqlStore: the search index's rows and search. PostgreSQL writes a message's row in the
// message's transaction; SQLite keeps the index in a file of its own, written by
// SearchIndexer (sqlstoresearchfile.cpp).
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

// A phrase as FTS5 writes it: in double quotes, its own quotes doubled. The words are letters,
// digits and marks only (searchtext::words), so no FTS5 syntax can come from the user.
QString fts5Phrase(const QStringList &words)
{
    QString phrase = words.join(QLatin1Char(' '));
    phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + phrase + QLatin1Char('"');
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
                          "m.created_at, m.edited_at, m.deleted, m.rev, m.system_event, m.file, "
                          "p.user_id IS NOT NULL, h.message_id IS NOT NULL FROM (") +
           candidates +
           QStringLiteral(") c JOIN messages m ON m.id = c.id "
                          "LEFT JOIN participants p ON p.conversation_id = m.conversation_id "
                          "AND p.user_id = ? AND p.left_rev IS NULL AND m.id >= p.joined_from "
                          "LEFT JOIN hidden_messages h ON h.message_id = m.id AND h.user_id = ? "
                          "ORDER BY m.id DESC");
}

// How many of the window's newest matches the user would be shown: the same joins as
// searchSql(), and the sender and time filters inScope() applies (their values bound first;
// cast, or PostgreSQL takes a parameter compared with 0 for a 32-bit integer).
QString countSql(const QString &candidates)
{
    return QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN p.user_id IS NOT NULL AND "
                          "h.message_id IS NULL AND (CAST(? AS BIGINT) = 0 OR m.sender_id = ?) AND "
                          "(CAST(? AS BIGINT) = 0 OR m.created_at >= ?) AND "
                          "(CAST(? AS BIGINT) = 0 OR m.created_at < ?) "
                          "THEN 1 ELSE 0 END), 0) FROM (") +
           candidates +
           QStringLiteral(") c JOIN messages m ON m.id = c.id "
                          "LEFT JOIN participants p ON p.conversation_id = m.conversation_id "
                          "AND p.user_id = ? AND p.left_rev IS NULL AND m.id >= p.joined_from "
                          "LEFT JOIN hidden_messages h ON h.message_id = m.id AND h.user_id = ?");
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
    // A file's empty caption has no words; a null QString would bind NULL.
    QString words = searchtext::indexText(m.content);
    if (words.isNull())
        words = QStringLiteral("");
    QSqlQuery &q =
        m_sql.kind() == SqlDialect::Kind::Sqlite
            ? m_sql.exec(QStringLiteral("INSERT INTO idx.message_search (rowid, conv, words) "
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
                  QStringLiteral("INSERT INTO idx.message_search (message_search, rowid, "
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

StoreResult<QStringList> SqlStore::completions(const QString &prefix)
{
    bool ok = false;
    if (!m_searchTermsTable) {
        // 'instance' rather than 'row': a row would count the word's occurrences first.
        QSqlQuery &create = m_sql.exec(
            QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.message_search_terms "
                           "USING fts5vocab(idx, message_search, 'instance')"),
            {}, &ok);
        if (!ok)
            return m_sql.failed<QStringList>(create);
        create.finish();
        m_searchTermsTable = true;
    }
    // One step per word: the first entry at or after the bound, then past that word (no word
    // holds U+0001). Each step reads one entry, however often the word occurs.
    QStringList found;
    QString from = prefix;
    while (found.size() <= limits::kSearchPrefixCompletions) {
        QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT term FROM temp.message_search_terms "
                                                 "WHERE term >= ? LIMIT 1"),
                                  {from}, &ok);
        if (!ok)
            return m_sql.failed<QStringList>(q);
        const QString term = q.next() ? q.value(0).toString() : QString();
        q.finish();
        if (term.isEmpty() || !term.startsWith(prefix))
            break;
        found.append(term);
        from = term + QChar(1);
    }
    return StoreResult<QStringList>::success(found);
}

// Every term on the words column, and the conversation on `conv`. The word being typed
// becomes an OR of its completions (FTS5's own prefix query reads every completion's whole
// list of rows: 1.3 s for a two-letter prefix in a million messages). Empty: nothing can
// match.
StoreResult<QString> SqlStore::fts5Query(const QList<searchtext::Term> &terms,
                                         qint64 conversationId)
{
    QStringList parts;
    if (conversationId > 0)
        parts.append(QStringLiteral("conv:\"%1\"").arg(conversationToken(conversationId)));
    for (const searchtext::Term &term : terms) {
        if (!term.prefix) {
            parts.append(QStringLiteral("words:") + fts5Phrase(term.words));
            continue;
        }
        const auto typed = completions(term.words.last());
        if (!typed.ok())
            return StoreResult<QString>::fail(typed.failure, typed.detail);
        if (typed.value.isEmpty())
            return StoreResult<QString>::success(QString());
        if (typed.value.size() > limits::kSearchPrefixCompletions) {
            parts.append(QStringLiteral("words:") + fts5Phrase(term.words)); // a whole word
            continue;
        }
        QStringList alternatives;
        QStringList words = term.words;
        for (const QString &completion : typed.value) {
            words.last() = completion;
            alternatives.append(fts5Phrase(words));
        }
        parts.append(QStringLiteral("words:(") + alternatives.join(QLatin1String(" OR ")) +
                     QLatin1Char(')'));
    }
    return StoreResult<QString>::success(parts.join(QLatin1String(" AND ")));
}

StoreResult<SearchPage> SqlStore::search(const SearchScope &scope)
{
    if (m_sql.kind() != SqlDialect::Kind::Postgres)
        return searchMatches(scope);
    // PostgreSQL plans a prepared statement once for any values after its first five runs.
    // For a search that generic plan walks the whole primary key backwards, the words a
    // filter on each row, in parallel workers: 0.9 s for a rare word in a million messages,
    // 45 ms for a common one. Planned for the words at hand, a rare word goes through the GIN
    // index and a common one down the key until the window is full: 0.2 and 3 ms. Planning
    // costs ~3 ms, so only the search's statements do it, in this transaction.
    if (!m_sql.beginRead())
        return StoreResult<SearchPage>::fail(StoreFailure::Unavailable, m_sql.transactionError());
    bool ok = false;
    QSqlQuery &plan = m_sql.exec(
        QStringLiteral("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)"), {}, &ok);
    if (!ok) {
        const auto failed = m_sql.failed<SearchPage>(plan);
        m_sql.abortRead();
        return failed;
    }
    plan.finish();
    auto page = searchMatches(scope);
    if (!page.ok()) {
        m_sql.abortRead();
        return page;
    }
    if (!m_sql.endRead())
        return StoreResult<SearchPage>::fail(StoreFailure::Unavailable, m_sql.transactionError());
    return page;
}

StoreResult<SearchPage> SqlStore::searchMatches(const SearchScope &scope)
{
    using R = StoreResult<SearchPage>;
    // Messages stored since the last step: indexed now, so a search finds what was just sent.
    if (const auto caughtUp = catchUpSearchIndex(); !caughtUp.ok())
        return R::fail(caughtUp.failure, caughtUp.detail);
    if (scope.conversationId > 0) {
        const auto member = membership(scope.conversationId, scope.userId);
        if (!member.ok())
            return R::fail(member.failure, member.detail);
    }
    QString match;
    if (m_sql.kind() == SqlDialect::Kind::Sqlite) {
        const auto query = fts5Query(scope.terms, scope.conversationId);
        if (!query.ok())
            return R::fail(query.failure, query.detail);
        if (query.value.isEmpty()) { // a word no message has
            SearchPage none;
            if (scope.before == 0) {
                none.total = 0;
                none.totalExact = true;
            }
            return R::success(none);
        }
        match = query.value;
    }
    // Candidates newest first, in batches: SQLite's index hands out the newest rows of a
    // common word cheaply, so the first batch is a page and one more; later ones grow up to
    // the window. PostgreSQL's GIN index finds every match before it sorts, so it takes the
    // window at once.
    // The matching ids below `below`, newest first, at most `count`; and their bound values.
    const auto candidates = [&](qint64 below, int count) -> std::pair<QString, QVariantList> {
        if (m_sql.kind() == SqlDialect::Kind::Sqlite)
            return {QStringLiteral("SELECT rowid AS id FROM idx.message_search WHERE "
                                   "message_search MATCH ? AND rowid < ? ORDER BY rowid DESC "
                                   "LIMIT ?"),
                    {match, below, count}};
        if (scope.conversationId > 0)
            return {QStringLiteral(
                        "SELECT message_id AS id FROM message_search WHERE conversation_id = ? AND "
                        "words @@ to_tsquery('simple', ?) AND message_id < ? "
                        "ORDER BY message_id DESC LIMIT ?"),
                    {scope.conversationId, tsQuery(scope.terms), below, count}};
        return {QStringLiteral("SELECT message_id AS id FROM message_search WHERE words @@ "
                               "to_tsquery('simple', ?) AND message_id < ? "
                               "ORDER BY message_id DESC LIMIT ?"),
                {tsQuery(scope.terms), below, count}};
    };
    const auto hits = [&](qint64 below, int count, bool *ok) -> QSqlQuery & {
        auto [sql, values] = candidates(below, count);
        values << scope.userId << scope.userId;
        return m_sql.exec(searchSql(sql), values, ok);
    };
    const int window = limits::kSearchScanWindow;
    int batch = m_sql.kind() == SqlDialect::Kind::Sqlite ? scope.limit + 1 : window;
    qint64 below = scope.before > 0 ? scope.before : limits::kMaxId + 1;
    SearchPage page;
    int examined = 0;
    while (true) {
        bool ok = false;
        QSqlQuery &q = hits(below, batch, &ok);
        if (!ok)
            return m_sql.failed<SearchPage>(q);
        int rows = 0;
        while (q.next()) {
            if (page.messages.size() == scope.limit) {
                // A full page and more candidates: older hits may follow the last one.
                page.hasMore = true;
                page.nextBefore = page.messages.last().id;
                break;
            }
            ++rows;
            below = q.value(0).toLongLong();
            if (!q.value(kMessageColumns).toBool() ||
                q.value(kMessageColumns + 1).toBool()) // not a member, or hidden
                continue;
            Message m = messageFromRow(q);
            if (inScope(scope, m))
                page.messages.append(std::move(m));
        }
        q.finish();
        examined += rows;
        if (page.hasMore || rows < batch) // a full page, or no more candidates
            break;
        if (examined >= window) {
            // The window ended before the page filled: go on below what was examined.
            page.hasMore = true;
            page.nextBefore = below;
            break;
        }
        batch = qMin(batch * 4, window - examined);
    }
    if (scope.before == 0) {
        // The first page says how many hits there are: those among the window's newest
        // matches, exact when the matches end inside the window (what paging can reach).
        auto [sql, values] = candidates(limits::kMaxId + 1, window);
        QVariantList bound{scope.senderId,  scope.senderId,   scope.afterTime,
                           scope.afterTime, scope.beforeTime, scope.beforeTime};
        bound << values << scope.userId << scope.userId;
        bool ok = false;
        QSqlQuery &q = m_sql.exec(countSql(sql), bound, &ok);
        if (!ok || !q.next())
            return m_sql.failed<SearchPage>(q);
        page.total = q.value(1).toInt();
        page.totalExact = q.value(0).toInt() < window;
        q.finish();
    }
    return R::success(page);
}

} // namespace natter::server
