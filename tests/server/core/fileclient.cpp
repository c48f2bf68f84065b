#include "fileclient.h"

#include <QJsonDocument>
#include <QSslConfiguration>
#include <QtTest>

FileClient::FileClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        if (frame.value(QStringLiteral("type")).toString() == QLatin1String("file_progress"))
            m_acknowledged = qint64(frame.value(QStringLiteral("offset")).toDouble());
        m_frames.append(frame);
    });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_receivedBytes += data.size();
        m_hash.addData(data);
        if (m_keep)
            m_received += data;
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this]() {
        m_disconnected = true;
        m_closeCode = m_socket.closeCode();
    });
}

void FileClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(certificates);
    m_socket.setSslConfiguration(tls);
}

bool FileClient::open(const QUrl &serverUrl, int timeoutMs)
{
    QUrl url = serverUrl;
    url.setPath(QStringLiteral("/v1/files"));
    bool opened = false;
    const auto connection =
        connect(&m_socket, &QWebSocket::connected, this, [&opened]() { opened = true; });
    m_socket.open(url);
    [[maybe_unused]] const bool settled =
        QTest::qWaitFor([&]() { return opened || m_disconnected; }, timeoutMs);
    disconnect(connection);
    return opened;
}

bool FileClient::authWith(const QString &token)
{
    const QJsonObject reply = request(QStringLiteral("auth"), {{QStringLiteral("token"), token}});
    return reply.value(QStringLiteral("type")).toString() == QLatin1String("ok");
}

QJsonObject FileClient::request(const QString &type, const QJsonObject &fields, int timeoutMs)
{
    QJsonObject frame = fields;
    const QString id = QString::number(++m_nextId);
    frame.insert(QStringLiteral("type"), type);
    frame.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return waitReply(id, timeoutMs);
}

QJsonObject FileClient::waitReply(const QString &id, int timeoutMs)
{
    QJsonObject found;
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&]() {
            for (const QJsonObject &f : std::as_const(m_frames)) {
                if (f.value(QStringLiteral("re")).toString() == id &&
                    f.contains(QStringLiteral("re"))) {
                    found = f;
                    return true;
                }
            }
            return m_disconnected;
        },
        timeoutMs);
    return found;
}

QJsonObject FileClient::waitUnmatchedError(int timeoutMs)
{
    QJsonObject found;
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&]() {
            for (const QJsonObject &f : std::as_const(m_frames)) {
                if (f.value(QStringLiteral("type")).toString() == QLatin1String("error") &&
                    f.value(QStringLiteral("re")).toString().isEmpty()) {
                    found = f;
                    return true;
                }
            }
            return m_disconnected;
        },
        timeoutMs);
    return found;
}

bool FileClient::sendRange(const std::function<QByteArray(qint64, qint64)> &source, qint64 from,
                           qint64 to, qint64 chunkBytes, int window, int timeoutMs)
{
    m_acknowledged = from;
    qint64 sent = from;
    while (sent < to) {
        // Wait while `window` chunks are unacknowledged.
        if (!QTest::qWaitFor(
                [&]() { return m_disconnected || sent - m_acknowledged < window * chunkBytes; },
                timeoutMs) ||
            m_disconnected)
            return false;
        const qint64 n = qMin(chunkBytes, to - sent);
        m_socket.sendBinaryMessage(source(sent, n));
        sent += n;
    }
    return QTest::qWaitFor([&]() { return m_disconnected || m_acknowledged == to; }, timeoutMs) &&
           !m_disconnected;
}

bool FileClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this]() { return m_disconnected; }, timeoutMs);
}
