// One rule for every optional request field: JSON null is the same as leaving the field out
// (docs/protocol.md, "Requests and replies"). A null in a required field is bad_request.
#include "codec.h"
#include "requests.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace natter;
using protocol::RequestType;

namespace {

// Decodes `body` as a request of `type` and encodes the result again, so two bodies can be
// compared by what the server understood; nullopt (and `error`) when it is refused.
std::optional<QJsonObject> understood(RequestType type, const QJsonObject &body,
                                      ProtocolError *error)
{
    const auto encode = [](const auto &decoded) -> std::optional<QJsonObject> {
        if (!decoded)
            return std::nullopt;
        return decoded->toJson();
    };
    switch (type) {
    case RequestType::Users:
        return encode(UsersRequest::fromJson(body, error));
    case RequestType::Send:
        return encode(SendRequest::fromJson(body, error));
    case RequestType::History:
        return encode(HistoryRequest::fromJson(body, error));
    case RequestType::Sync:
        return encode(SyncRequest::fromJson(body, error));
    case RequestType::Search:
        return encode(SearchRequest::fromJson(body, error));
    default:
        qFatal("no optional fields in this request type");
    }
}

struct Optional
{
    RequestType type;
    QJsonObject base; // the request without the field (valid)
    QString field;
};

QList<Optional> optionalFields()
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return {
        {RequestType::Users, {}, QStringLiteral("query")},
        {RequestType::Users, {}, QStringLiteral("limit")},
        {RequestType::Send,
         {{"client_id", uuid}, {"content", "hi"}, {"conversation_id", 3}},
         QStringLiteral("to")},
        {RequestType::Send,
         {{"client_id", uuid}, {"content", "hi"}, {"to", 2}},
         QStringLiteral("conversation_id")},
        {RequestType::Send,
         {{"client_id", uuid}, {"content", "hi"}, {"conversation_id", 3}},
         QStringLiteral("reply_to")},
        {RequestType::History, {{"conversation_id", 3}}, QStringLiteral("before")},
        {RequestType::History, {{"conversation_id", 3}}, QStringLiteral("limit")},
        {RequestType::History, {{"conversation_id", 3}}, QStringLiteral("after")},
        {RequestType::History, {{"conversation_id", 3}}, QStringLiteral("around")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("conversation_id")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("sender_id")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("after_time")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("before_time")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("before")},
        {RequestType::Search, {{"query", "x"}}, QStringLiteral("limit")},
        {RequestType::Sync, {{"since", 0}}, QStringLiteral("limit")},
    };
}

} // namespace

class TestOptionalFields final : public QObject
{
    Q_OBJECT

private slots:
    void nullIsTheSameAsAbsent_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QString>("field");
        for (const Optional &o : optionalFields())
            QTest::addRow("%s.%s", qPrintable(QString(protocol::requestTypeName(o.type))),
                          qPrintable(o.field))
                << int(o.type) << o.base << o.field;
    }

    void nullIsTheSameAsAbsent()
    {
        QFETCH(int, type);
        QFETCH(QJsonObject, base);
        QFETCH(QString, field);
        ProtocolError error;
        const auto absent = understood(RequestType(type), base, &error);
        QVERIFY2(absent, qPrintable(error.message));
        QJsonObject withNull = base;
        withNull.insert(field, QJsonValue(QJsonValue::Null));
        const auto null = understood(RequestType(type), withNull, &error);
        QVERIFY2(null, qPrintable(error.message));
        QCOMPARE(*null, *absent);
    }

    // The table above names every optional field the protocol has: the fields written
    // `name?` in docs/protocol.md's table of requests.
    void everyDocumentedOptionalFieldIsCovered()
    {
        QFile doc(QStringLiteral(NATTER_SOURCE_DIR "/docs/protocol.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        QSet<QString> documented;
        static const QRegularExpression row(QStringLiteral("^\\| `(\\w+)` \\|([^|]*)\\|"),
                                            QRegularExpression::MultilineOption);
        static const QRegularExpression optional(QStringLiteral("`(\\w+)`\\?"));
        for (auto rows = row.globalMatch(text); rows.hasNext();) {
            const auto r = rows.next();
            for (auto fields = optional.globalMatch(r.captured(2)); fields.hasNext();)
                documented.insert(r.captured(1) + QLatin1Char('.') + fields.next().captured(1));
        }
        // `send` has two targets, exactly one of which is given: each is optional alone.
        documented.insert(QStringLiteral("send.to"));
        documented.insert(QStringLiteral("send.conversation_id"));
        QSet<QString> tested;
        for (const Optional &o : optionalFields())
            tested.insert(QString(protocol::requestTypeName(o.type)) + QLatin1Char('.') + o.field);
        QCOMPARE(tested, documented);
    }

    void nullInARequiredFieldIsBadRequest_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("sync.since")
            << int(RequestType::Sync) << QJsonObject{{"since", QJsonValue::Null}}
            << QStringLiteral("since");
        QTest::newRow("history.conversation_id")
            << int(RequestType::History) << QJsonObject{{"conversation_id", QJsonValue::Null}}
            << QStringLiteral("conversation_id");
        QTest::newRow("send.content") << int(RequestType::Send)
                                      << QJsonObject{{"client_id", QUuid::createUuid().toString()},
                                                     {"content", QJsonValue::Null},
                                                     {"to", 2}}
                                      << QStringLiteral("content");
        QTest::newRow("send with both targets null")
            << int(RequestType::Send)
            << QJsonObject{{"client_id", QUuid::createUuid().toString()},
                           {"content", "hi"},
                           {"to", QJsonValue::Null},
                           {"conversation_id", QJsonValue::Null}}
            << QStringLiteral("to");
    }

    void nullInARequiredFieldIsBadRequest()
    {
        QFETCH(int, type);
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        ProtocolError error;
        QVERIFY(!understood(RequestType(type), body, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, field);
    }

    // Null is absent, not a wildcard: a mistyped value is still refused.
    void wrongTypeInAnOptionalFieldIsBadRequest()
    {
        ProtocolError error;
        QVERIFY(!understood(RequestType::History,
                            {{"conversation_id", 3}, {"limit", QStringLiteral("10")}}, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, QStringLiteral("limit"));
    }
};

QTEST_GUILESS_MAIN(TestOptionalFields)
#include "tst_optionalfields.moc"
