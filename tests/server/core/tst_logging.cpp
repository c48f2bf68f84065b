// The server's log: a warning repeated many times a second is written once and then
// summarised, and handshake timeouts are logged (bounded the same way).

#include "config/logging.h"
#include "transport/websocketlistener.h"

#include <QTcpSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <memory>
#include <vector>

using namespace natter::server;

class TestLogging final : public QObject
{
    Q_OBJECT

private:
    QList<QByteArray> m_lines;

    void capture(qint64 windowMs = 10'000)
    {
        m_lines.clear();
        installLogging(
            LogLevel::Info, [this](const QByteArray &line) { m_lines.append(line); }, windowMs);
    }

    qsizetype linesWith(const char *text) const
    {
        return std::count_if(m_lines.begin(), m_lines.end(),
                             [text](const QByteArray &line) { return line.contains(text); });
    }

private slots:
    void cleanup() { qInstallMessageHandler(nullptr); }

    void repeatsWithinTheWindowBecomeOneSummary()
    {
        QStringList out;
        LogSummariser summariser([&out](QtMsgType, const char *category, const QString &text) {
            out.append(QString::fromLatin1(category) + QLatin1String(": ") + text);
        });
        for (int i = 0; i < 1000; ++i)
            summariser.log(QtWarningMsg, "natter.server.storage",
                           QStringLiteral("WAL checkpoint failed after %1 ms").arg(i % 7), i);
        // Other lines pass through meanwhile: infos are never summarised.
        summariser.log(QtInfoMsg, "natter.server.transport", QStringLiteral("opened"), 500);
        summariser.log(QtInfoMsg, "natter.server.transport", QStringLiteral("opened"), 600);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0),
                 QStringLiteral("natter.server.storage: WAL checkpoint failed after 0 ms"));
        // The window closes 10 s after the first: the next line brings the summary.
        summariser.log(QtInfoMsg, "natter.server.main", QStringLiteral("later"), 10'000);
        QCOMPARE(out.size(), 5);
        QCOMPARE(out.at(3), QStringLiteral("natter.server.storage: WAL checkpoint failed after "
                                           "5 ms \u2026 repeated 999 times in 10 s"));
        QCOMPARE(out.at(4), QStringLiteral("natter.server.main: later"));
        // A new window: written once again.
        summariser.log(QtWarningMsg, "natter.server.storage",
                       QStringLiteral("WAL checkpoint failed after 3 ms"), 10'001);
        QCOMPARE(out.size(), 6);
        summariser.flush(10'002, true);
        QCOMPARE(out.size(), 6); // nothing repeated in it: no summary
    }

    void differentTextsAndCategoriesAreKeptApart()
    {
        QStringList out;
        LogSummariser summariser(
            [&out](QtMsgType, const char *, const QString &text) { out.append(text); });
        for (int i = 0; i < 10; ++i) {
            summariser.log(QtWarningMsg, "a", QStringLiteral("database down"), i);
            summariser.log(QtWarningMsg, "b", QStringLiteral("database down"), i);
            summariser.log(QtCriticalMsg, "a", QStringLiteral("no route to 10.0.0.%1").arg(i), i);
        }
        QCOMPARE(out.size(), 3);
        summariser.flush(20'000);
        QCOMPARE(out.size(), 6);
        QVERIFY(out.at(5).endsWith(QStringLiteral("repeated 9 times in 10 s")));
        QCOMPARE(LogSummariser::normalised(QStringLiteral("from [fe80::1]:443, id 12")),
                 QStringLiteral("from [#::#]:#, id #"));
        QCOMPARE(LogSummariser::normalised(QStringLiteral("dead beef cafe")),
                 QStringLiteral("dead beef cafe"));
    }

    void aThousandIdenticalWarningsWriteOneLineAndOneSummary()
    {
        capture();
        for (int i = 0; i < 1000; ++i)
            qCWarning(lcStorage) << "WAL checkpoint failed: database is locked, attempt" << i;
        flushLogSummaries();
        QCOMPARE(m_lines.size(), 2);
        QVERIFY(m_lines.at(0).contains(" warning natter.server.storage: WAL checkpoint failed: "
                                       "database is locked, attempt 0\n"));
        QVERIFY(m_lines.at(1).contains(" warning natter.server.storage: WAL checkpoint failed: "
                                       "database is locked, attempt 999 \xE2\x80\xA6 repeated 999 "
                                       "times in 10 s\n"));
    }

    void theSummaryComesWhenTheWindowCloses()
    {
        capture(200);
        for (int i = 0; i < 50; ++i)
            qCWarning(lcServer) << "PostgreSQL unreachable, retry" << i;
        QCOMPARE(m_lines.size(), 1);
        // Nothing else is logged: the handler's timer writes it.
        QTRY_COMPARE(m_lines.size(), 2);
        QVERIFY(m_lines.at(1).contains("repeated 49 times in 0.2 s"));
    }

    void handshakeTimeoutsAreLoggedAndSummarised()
    {
        capture();
        QWebSocketServer webSockets(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        webSockets.setHandshakeTimeout(200);
        WebSocketListener listener(&webSockets);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 20; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, listener.serverPort());
        }
        for (const auto &socket : silent)
            QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(linesWith("no WebSocket handshake within 200 ms from 127.0.0.1 closing"), 1);
        flushLogSummaries();
        QCOMPARE(linesWith("no WebSocket handshake within"), 2);
        QCOMPARE(linesWith("repeated 19 times in 10 s"), 1);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
