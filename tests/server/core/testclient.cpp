#include "testclient.h"

#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTest>
#include <QUuid>

TestClient::TestClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::connected, this, [this]() { m_opened = true; });
    connect(&m_socket, &QWebSocket::disconnected, this, [this]() {
        m_disconnected = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    startOpen(url);
    return waitOpen(timeoutMs);
}

void TestClient::startOpen(const QUrl &url)
{
    m_disconnected = false;
    m_opened = false;
    m_socket.open(url);
}

bool TestClient::waitOpen(int timeoutMs)
{
    // The handshake succeeded even if the server closed right after (e.g. a wrong path).
    [[maybe_unused]] const bool settled =
        QTest::qWaitFor([this]() { return m_opened || m_disconnected; }, timeoutMs);
    return m_opened;
}

void TestClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(certificates);
    m_socket.setSslConfiguration(tls);
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::close()
{
    m_socket.close();
}

bool TestClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this]() { return m_disconnected; }, timeoutMs);
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    m_frames.append(frame);
    const QString type = frame.value(QStringLiteral("type")).toString();
    // An error with "re": null answers no request (e.g. the auth timeout): it is an event.
    const bool answersRequest = frame.value(QStringLiteral("re")).isString();
    if (answersRequest && (type == QLatin1String("ok") || type == QLatin1String("error")))
        m_replies.insert(frame.value(QStringLiteral("re")).toString(), frame);
    else
        m_events.append(frame);
}

QString TestClient::send(const QString &type, const QJsonObject &fields)
{
    const QString id = QStringLiteral("r%1").arg(++m_nextId);
    QJsonObject frame = fields;
    frame.insert(QStringLiteral("type"), type);
    frame.insert(QStringLiteral("id"), id);
    sendText(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return id;
}

QJsonObject TestClient::request(const QString &type, const QJsonObject &fields, int timeoutMs)
{
    return waitReply(send(type, fields), timeoutMs);
}

QJsonObject TestClient::waitReply(const QString &id, int timeoutMs)
{
    // On timeout the reply is simply missing: callers check the returned object.
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
        [this, &id]() { return m_replies.contains(id) || m_disconnected; }, timeoutMs);
    return m_replies.take(id);
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}
void TestClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

QJsonObject TestClient::waitEvent(const QString &type, int timeoutMs)
{
    const auto find = [this, &type]() {
        for (qsizetype i = 0; i < m_events.size(); ++i) {
            if (m_events[i].value(QStringLiteral("type")).toString() == type)
                return i;
        }
        return qsizetype(-1);
    };
    [[maybe_unused]] const bool arrived =
        QTest::qWaitFor([&find]() { return find() >= 0; }, timeoutMs);
    const qsizetype i = find();
    return i >= 0 ? m_events.takeAt(i) : QJsonObject();
}

bool TestClient::noEvent(const QString &type, int waitMs)
{
    QTest::qWait(waitMs);
    return eventCount(type) == 0;
}

int TestClient::eventCount(const QString &type) const
{
    int n = 0;
    for (const QJsonObject &e : m_events)
        n += e.value(QStringLiteral("type")).toString() == type ? 1 : 0;
    return n;
}

bool TestClient::finishAuth(const QJsonObject &reply)
{
    if (!isOk(reply))
        return false;
    const QJsonObject user = reply.value(QStringLiteral("user")).toObject();
    m_userId = qint64(user.value(QStringLiteral("id")).toDouble());
    m_username = user.value(QStringLiteral("username")).toString();
    if (reply.contains(QStringLiteral("token")))
        m_token = reply.value(QStringLiteral("token")).toString();
    // The snapshot that follows every authentication.
    const QJsonObject snapshot = waitEvent(QStringLiteral("presence"));
    return snapshot.value(QStringLiteral("snapshot")).toBool();
}

bool TestClient::registerAs(const QString &username, const QString &password)
{
    return finishAuth(
        request(QStringLiteral("register"),
                {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}}));
}

bool TestClient::loginAs(const QString &username, const QString &password)
{
    return finishAuth(request(QStringLiteral("login"), {{QStringLiteral("username"), username},
                                                        {QStringLiteral("password"), password}}));
}

bool TestClient::authWith(const QString &token)
{
    return finishAuth(request(QStringLiteral("auth"), {{QStringLiteral("token"), token}}));
}

QJsonObject TestClient::sendTo(qint64 userId, const QString &content, const QString &clientId)
{
    const QString id =
        clientId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : clientId;
    return request(QStringLiteral("send"), {{QStringLiteral("to"), double(userId)},
                                            {QStringLiteral("client_id"), id},
                                            {QStringLiteral("content"), content}});
}

QJsonObject TestClient::sendIn(qint64 conversationId, const QString &content)
{
    return request(
        QStringLiteral("send"),
        {{QStringLiteral("conversation_id"), double(conversationId)},
         {QStringLiteral("client_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
         {QStringLiteral("content"), content}});
}

bool TestClient::isOk(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("type")).toString() == QLatin1String("ok");
}

QString TestClient::errorCode(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("code")).toString();
}
