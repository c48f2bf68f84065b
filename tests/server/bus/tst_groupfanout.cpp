// A group's events through the real services on a ClusterSink: each frame is encoded once for
// every member's sockets and crosses the bus as ONE envelope naming the members, however many
// they are (issue 21: one encode per message, not one per recipient).
#include "busdoubles.h"

#include "bus/clustersink.h"
#include "services/conversationdirectory.h"
#include "services/messagingservice.h"
#include "services/presenceservice.h"
#include "services/receiptservice.h"
#include "services/typingservice.h"
#include "store/sqlitestore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::server;
using natter::server::bustest::FakeBus;
using natter::server::bustest::RecordingSink;

class TestGroupFanOut : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    QList<qint64> m_users; // alice (the creator), bob, carol, dave
    qint64 m_group = 0;
    RecordingSink m_local;
    FakeBus m_bus;
    std::unique_ptr<ClusterSink> m_sink;
    std::unique_ptr<ConversationDirectory> m_directory;
    std::unique_ptr<PresenceService> m_presence;
    std::unique_ptr<TypingService> m_typing;
    std::unique_ptr<ReceiptService> m_receipts;
    std::unique_ptr<MessagingService> m_messaging;

    QList<Envelope> publishedOfType(const QString &type) const
    {
        QList<Envelope> out;
        for (const Envelope &e : m_bus.published) {
            const QJsonObject frame = QJsonDocument::fromJson(e.frame.toUtf8()).object();
            if (frame.value(QLatin1String("type")).toString() == type)
                out.append(e);
        }
        return out;
    }

private slots:
    void init()
    {
        m_store = std::make_unique<SqliteStore>(m_dir.filePath(QStringLiteral("natter.db")));
        QVERIFY(m_store->open().ok());
        m_users.clear();
        for (const char *name : {"alice", "bob", "carol", "dave"}) {
            const auto u = m_store->createUser(QString::fromLatin1(name), "hash", 1);
            QVERIFY(u.ok());
            m_users.append(u.value.id);
        }
        GroupEdit edit;
        edit.actorId = m_users[0];
        edit.users = m_users.mid(1);
        edit.name = QStringLiteral("Team");
        edit.content = QStringLiteral("alice created the group");
        edit.event =
            SystemEvent{SystemEvent::kGroupCreated, m_users[0], edit.users, edit.name, {}, {}};
        edit.at = 2;
        const auto group = m_store->changeGroup(edit);
        QVERIFY(group.ok());
        m_group = group.value.group.id;

        m_local.sent.clear();
        m_local.connected = {m_users[0], m_users[1]}; // carol and dave are elsewhere
        m_bus.published.clear();
        m_sink = std::make_unique<ClusterSink>(m_local, m_bus);
        m_directory = std::make_unique<ConversationDirectory>(*m_store);
        m_presence = std::make_unique<PresenceService>(*m_store, *m_sink, 50, 0);
        m_typing = std::make_unique<TypingService>(*m_directory, *m_sink, 5000);
        m_receipts = std::make_unique<ReceiptService>(*m_store, *m_directory, *m_sink);
        m_messaging = std::make_unique<MessagingService>(*m_store, *m_directory, *m_sink,
                                                         *m_receipts, *m_typing, *m_presence);
    }

    void cleanup()
    {
        m_messaging.reset();
        m_receipts.reset();
        m_typing.reset();
        m_presence.reset();
        m_directory.reset();
        m_sink.reset();
        m_store.reset();
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("natter.db"))));
    }

    void aGroupMessageIsEncodedOnceAndCrossesTheBusOnce()
    {
        bool answered = false;
        SendRequest request;
        request.clientId = QUuid::createUuid();
        request.content = QStringLiteral("hello team");
        request.conversationId = m_group;
        m_messaging->send(Caller{m_users[0], 7}, request,
                          [&answered](const Outcome<codec::MessageFrames> &outcome) {
                              QVERIFY(outcome.ok());
                              answered = true;
                          });
        m_messaging->flush();
        QVERIFY(answered);

        // Every member, the sender's other sockets included (not connection 7), got the same
        // string: one encoding shared by every socket.
        QCOMPARE(m_local.sent.size(), 4);
        QSet<qint64> targets;
        for (const auto &sent : std::as_const(m_local.sent)) {
            targets.insert(sent.target);
            QCOMPARE(sent.frame.constData(), m_local.sent[0].frame.constData());
            QCOMPARE(sent.except, ConnectionId(7)); // the sender's socket: it has the reply
        }
        QCOMPARE(targets, QSet<qint64>(m_users.cbegin(), m_users.cend()));
        QVERIFY(m_local.sent[0].frame.contains(QStringLiteral("hello team")));

        // One envelope for the other instances, naming every member.
        const QList<Envelope> messages = publishedOfType(QStringLiteral("message"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].kind, Envelope::Kind::ToUsers);
        QCOMPARE(QSet<qint64>(messages[0].users.cbegin(), messages[0].users.cend()), targets);
        QCOMPARE(messages[0].frame.constData(), m_local.sent[0].frame.constData());
    }

    void groupTypingCrossesTheBusOnce()
    {
        TypingRequest request;
        request.conversationId = m_group;
        request.active = true;
        QVERIFY(m_typing->typing(Caller{m_users[1], 3}, request).ok());
        const QList<Envelope> typing = publishedOfType(QStringLiteral("typing"));
        QCOMPARE(typing.size(), 1);
        QCOMPARE(typing[0].kind, Envelope::Kind::ToUsers);
        QCOMPARE(QSet<qint64>(typing[0].users.cbegin(), typing[0].users.cend()),
                 (QSet<qint64>{m_users[0], m_users[2], m_users[3]})); // not bob himself
        QCOMPARE(m_local.sent.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGroupFanOut)
#include "tst_groupfanout.moc"
