#include "benchclient.h"

#include "benchclock.h"
#include "errorcode.h"
#include "jsonscan.h"
#include "payload.h"
#include "presencetracker.h"
#include "protocollimits.h"

#include <QAbstractSocket>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTimer>

#include <utility>

namespace bench {
namespace {

const QLatin1String kOk("ok");
const QLatin1String kError("error");
// Ids of send requests start with this; every other request's id with 'r'.
const QChar kSendIdMark(QLatin1Char('s'));

// Appends `text` as a JSON string literal.
void appendJsonString(QString *out, const QString &text)
{
    bool plain = true;
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c.unicode() < 0x20) {
            plain = false;
            break;
        }
    }
    if (plain) {
        out->append(QLatin1Char('"'));
        out->append(text);
        out->append(QLatin1Char('"'));
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    out->append(QString::fromUtf8(array.mid(1, array.size() - 2)));
}

} // namespace

BenchClient::BenchClient(int index, const QString &username, QObject *parent)
    : QObject(parent), m_index(index), m_username(username)
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QWebSocket::connected, this, [this]() {
        // No Nagle delay on the load generator's side: a send goes out when it is made, not
        // when the server has acknowledged the previous segment.
        if (auto *tcp = m_socket.findChild<QAbstractSocket *>())
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        else
            qWarning("natter-loadgen: no TCP socket under the QWebSocket: Nagle stays on");
        emit connected();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &BenchClient::onClosed);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this]() {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            fail(m_socket.errorString());
    });
}

BenchClient::~BenchClient()
{
    // The socket is destroyed after the other members and may still signal.
    m_socket.disconnect(this);
}

void BenchClient::open(const QUrl &url)
{
    m_socket.open(url);
}

void BenchClient::close()
{
    m_closing = true;
    m_socket.close();
}

void BenchClient::fail(const QString &reason)
{
    if (m_failed || m_signedIn)
        return;
    m_failed = true;
    emit failed(reason);
}

void BenchClient::signIn(const QString &password)
{
    request(QStringLiteral("register"),
            {{QStringLiteral("username"), m_username}, {QStringLiteral("password"), password}},
            [this, password](const QJsonObject &reply) { signInReply(password, false, reply); });
}

void BenchClient::signInReply(const QString &password, bool triedLogin, const QJsonObject &reply)
{
    const QString type = reply.value(QStringLiteral("type")).toString();
    if (type == kOk) {
        m_token = reply.value(QStringLiteral("token")).toString();
        m_registeredNow = !triedLogin;
        markSignedIn(reply);
        return;
    }
    const QString code = reply.value(QStringLiteral("code")).toString();
    if (!triedLogin && code == natter::errorCodeName(natter::ErrorCode::Conflict)) {
        request(QStringLiteral("login"),
                {{QStringLiteral("username"), m_username}, {QStringLiteral("password"), password}},
                [this, password](const QJsonObject &r) { signInReply(password, true, r); });
        return;
    }
    if (reply.isEmpty()) {
        fail(QStringLiteral("connection closed while signing in (close code %1)").arg(m_closeCode));
        return;
    }
    fail(QStringLiteral("%1 failed: %2 (%3)")
             .arg(triedLogin ? QStringLiteral("login") : QStringLiteral("register"), code,
                  reply.value(QStringLiteral("message")).toString()));
}

void BenchClient::authenticate(const QString &token)
{
    request(QStringLiteral("auth"), {{QStringLiteral("token"), token}},
            [this](const QJsonObject &reply) { authReply(reply); });
}

void BenchClient::authReply(const QJsonObject &reply)
{
    if (reply.value(QStringLiteral("type")).toString() == kOk)
        return markSignedIn(reply);
    if (reply.isEmpty())
        return fail(
            QStringLiteral("connection closed while signing in (close code %1)").arg(m_closeCode));
    fail(QStringLiteral("auth failed: %1 (%2)")
             .arg(reply.value(QStringLiteral("code")).toString(),
                  reply.value(QStringLiteral("message")).toString()));
}

void BenchClient::markSignedIn(const QJsonObject &reply)
{
    m_userId = qint64(
        reply.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toDouble());
    m_signedIn = true;
    emit signedIn();
}

void BenchClient::sendMessage(const QString &content)
{
    QString frame;
    frame.reserve(200);
    frame += QLatin1String("{\"type\":\"send\",\"id\":\"");
    frame += kSendIdMark;
    frame += QString::number(++m_nextSend, 36);
    if (m_conversationId > 0) {
        frame += QLatin1String("\",\"conversation_id\":");
        frame += QString::number(m_conversationId);
    } else {
        frame += QLatin1String("\",\"to\":");
        frame += QString::number(m_peerId);
    }
    frame += QLatin1String(",\"client_id\":\"");
    frame += payload::newClientId();
    frame += QLatin1String("\",\"content\":");
    appendJsonString(&frame, content);
    frame += QLatin1Char('}');
    m_socket.sendTextMessage(frame);
    m_lastSentNs = nowNs();
}

void BenchClient::pingIfIdle(qint64 now)
{
    if (m_signedIn && now - m_lastSentNs >= qint64(natter::limits::kPingIntervalMs) * 1'000'000)
        request(QStringLiteral("ping"), {}, [](const QJsonObject &) {});
}

void BenchClient::request(const QString &type, const QJsonObject &fields, ReplyHandler handler)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        QTimer::singleShot(0, this, [handler = std::move(handler)]() { handler(QJsonObject()); });
        return;
    }
    const QString id = QStringLiteral("r%1").arg(++m_nextRequest);
    QJsonObject frame = fields;
    frame.insert(QStringLiteral("type"), type);
    frame.insert(QStringLiteral("id"), id);
    m_pending.insert(id, std::move(handler));
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    m_lastSentNs = nowNs();
}

void BenchClient::onText(const QString &text)
{
    m_frameArrivalNs = nowNs();
    const QStringView frame(text);
    const QStringView type = jsonscan::stringField(frame, QLatin1String("type"));
    if (type == kOk || type == kError) {
        // "re": null (an error about no request, e.g. the sign-in timeout) reads as empty.
        onReply(frame, jsonscan::stringField(frame, QLatin1String("re")), type == kOk);
    } else if (type == QLatin1String("message")) {
        emit messageReceived(jsonscan::stringField(frame, QLatin1String("content")));
    } else if (type == QLatin1String("presence")) {
        if (m_presence)
            m_presence->apply(m_index, frame);
    }
    // receipt, typing and anything newer: not measured.
}

void BenchClient::onReply(QStringView frame, QStringView re, bool ok)
{
    if (!re.isEmpty() && re.front() == kSendIdMark) {
        if (ok && m_conversationId == 0)
            m_conversationId =
                jsonscan::intField(frame, QLatin1String("conversation_id")).value_or(0);
        emit sendAcked(ok ? QStringView() : jsonscan::stringField(frame, QLatin1String("code")));
        return;
    }
    const auto it = m_pending.find(re.toString());
    if (it == m_pending.end())
        return;
    const ReplyHandler handler = std::move(it.value());
    m_pending.erase(it);
    handler(QJsonDocument::fromJson(frame.toUtf8()).object());
}

void BenchClient::onClosed()
{
    m_closeCode = int(m_socket.closeCode());
    // Pending requests learn that no reply will come.
    const QHash<QString, ReplyHandler> pending = std::exchange(m_pending, {});
    for (const ReplyHandler &handler : pending)
        handler(QJsonObject());
    emit closed();
    if (!m_signedIn) {
        fail(QStringLiteral("connection closed before sign-in: %1 (close code %2)")
                 .arg(m_socket.errorString())
                 .arg(m_closeCode));
        return;
    }
    if (!m_closing)
        emit disconnected(m_closeCode);
}

} // namespace bench
