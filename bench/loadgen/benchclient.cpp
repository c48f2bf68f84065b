#include "benchclient.h"

#include "benchclock.h"
#include "errorcode.h"
#include "events.h"
#include "fieldnames.h"
#include "jsonscan.h"
#include "jsonwrite.h"
#include "payload.h"
#include "presencetracker.h"
#include "protocollimits.h"
#include "requests.h"
#include "wiresocket.h"

#include <QAbstractSocket>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTimer>
#include <QWebSocket>

#include <utility>

namespace bench {
namespace {

using natter::protocol::RequestType;
namespace field = natter::field;

const QLatin1String kOk = natter::protocol::kOkType;
const QLatin1String kError = natter::protocol::kErrorType;
// Ids of send requests start with this; every other request's id with 'r'.
const QChar kSendIdMark(QLatin1Char('s'));

} // namespace

BenchClient::BenchClient(int index, const QString &username, QObject *parent)
    : QObject(parent), m_index(index), m_username(username)
{}

BenchClient::~BenchClient()
{
    // A QWebSocket may still signal while it is destroyed, after members declared after it.
    // (A WireSocket calls no handler from its destructor.)
    if (m_qt)
        m_qt->disconnect(this);
}

void BenchClient::open(const QUrl &url)
{
    if (url.scheme() == QLatin1String("ws"))
        openWire(url);
    else
        openQt(url);
}

void BenchClient::openWire(const QUrl &url)
{
    m_wire = std::make_unique<WireSocket>();
    m_wire->setHandlers([this]() { emit connected(); },
                        [this](QByteArrayView utf8) { onText(QString::fromUtf8(utf8)); },
                        [this](int) { onClosed(); });
    m_wire->open(url);
}

void BenchClient::openQt(const QUrl &url)
{
    m_qt = std::make_unique<QWebSocket>();
    m_qt->setProxy(QNetworkProxy::NoProxy);
    connect(m_qt.get(), &QWebSocket::connected, this, [this]() {
        // No Nagle delay on the load generator's side: a send goes out when it is made, not
        // when the server has acknowledged the previous segment.
        if (auto *tcp = m_qt->findChild<QAbstractSocket *>())
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        else
            qWarning("natter-loadgen: no TCP socket under the QWebSocket: Nagle stays on");
        emit connected();
    });
    connect(m_qt.get(), &QWebSocket::textMessageReceived, this, &BenchClient::onText);
    connect(m_qt.get(), &QWebSocket::disconnected, this, &BenchClient::onClosed);
    connect(m_qt.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this]() {
                if (m_qt->state() == QAbstractSocket::UnconnectedState)
                    fail(m_qt->errorString());
            });
    m_qt->open(url);
}

bool BenchClient::isOpen() const
{
    if (m_wire)
        return m_wire->isOpen();
    return m_qt && m_qt->state() == QAbstractSocket::ConnectedState;
}

void BenchClient::sendText(const QString &text)
{
    if (m_wire)
        m_wire->sendText(text.toUtf8());
    else if (m_qt)
        m_qt->sendTextMessage(text);
}

void BenchClient::close()
{
    m_closing = true;
    if (m_wire)
        m_wire->close();
    else if (m_qt)
        m_qt->close();
}

void BenchClient::fail(const QString &reason)
{
    if (m_failed || m_signedIn)
        return;
    m_failed = true;
    emit failed(reason);
}

QString BenchClient::errorOf(const Reply &reply)
{
    if (!reply)
        return QStringLiteral("connection closed");
    if (reply->kind == natter::codec::ServerFrame::Kind::Ok)
        return {};
    return natter::errorCodeName(reply->error.code);
}

void BenchClient::signIn(const QString &password)
{
    request(natter::RegisterRequest{m_username, password},
            [this, password](const Reply &reply) { signInReply(password, false, reply); });
}

void BenchClient::signInReply(const QString &password, bool triedLogin, const Reply &reply)
{
    QString why;
    if (const auto ok = decode<natter::SignInReply>(reply, &why)) {
        m_token = ok->token;
        m_registeredNow = !triedLogin;
        markSignedIn(*ok);
        return;
    }
    if (!triedLogin && reply && reply->error.code == natter::ErrorCode::Conflict) {
        request(natter::LoginRequest{m_username, password},
                [this, password](const Reply &r) { signInReply(password, true, r); });
        return;
    }
    if (!reply) {
        fail(QStringLiteral("connection closed while signing in (close code %1)").arg(m_closeCode));
        return;
    }
    fail(QStringLiteral("%1 failed: %2 (%3)")
             .arg(triedLogin ? QStringLiteral("login") : QStringLiteral("register"), why,
                  reply->error.message));
}

void BenchClient::authenticate(const QString &token)
{
    request(natter::AuthRequest{token}, [this](const Reply &reply) { authReply(reply); });
}

void BenchClient::authReply(const Reply &reply)
{
    QString why;
    if (const auto ok = decode<natter::AuthReply>(reply, &why))
        return markSignedIn(*ok);
    if (!reply)
        return fail(
            QStringLiteral("connection closed while signing in (close code %1)").arg(m_closeCode));
    fail(QStringLiteral("auth failed: %1 (%2)").arg(why, reply->error.message));
}

void BenchClient::markSignedIn(const natter::SignInReply &reply)
{
    m_userId = reply.user.id;
    m_signedIn = true;
    emit signedIn();
}

void BenchClient::sendMessage(const QString &content)
{
    // A SendRequest written by hand: the hot path (requests.h has its fields).
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
    natter::appendJsonString(frame, content);
    frame += QLatin1Char('}');
    sendText(frame);
    m_lastSentNs = nowNs();
}

void BenchClient::pingIfIdle(qint64 now)
{
    if (m_signedIn && now - m_lastSentNs >= qint64(natter::limits::kPingIntervalMs) * 1'000'000)
        request(RequestType::Ping, {}, [](const Reply &) {});
}

void BenchClient::request(RequestType type, const QJsonObject &fields, ReplyHandler handler)
{
    if (!isOpen()) {
        QTimer::singleShot(0, this, [handler = std::move(handler)]() { handler(std::nullopt); });
        return;
    }
    const QString id = QStringLiteral("r%1").arg(++m_nextRequest);
    m_pending.insert(id, std::move(handler));
    sendText(natter::codec::encodeRequest(type, id, fields));
    m_lastSentNs = nowNs();
}

void BenchClient::onText(const QString &text)
{
    m_frameArrivalNs = nowNs();
    const QStringView frame(text);
    const QStringView type = jsonscan::stringField(frame, field::kType);
    if (type == kOk || type == kError) {
        // "re": null (an error about no request, e.g. the sign-in timeout) reads as empty.
        onReply(frame, jsonscan::stringField(frame, field::kRe), type == kOk);
    } else if (type == natter::protocol::eventTypeName(natter::MessageEvent::kType)) {
        emit messageReceived(jsonscan::stringField(frame, field::kContent));
    } else if (type == natter::protocol::eventTypeName(natter::PresenceEvent::kType)) {
        if (m_presence)
            m_presence->apply(m_index, frame);
    }
    // receipt, typing and anything newer: not measured.
}

void BenchClient::onReply(QStringView frame, QStringView re, bool ok)
{
    if (!re.isEmpty() && re.front() == kSendIdMark) {
        // A SendReply's message: its first "conversation_id" is the message's.
        if (ok && m_conversationId == 0)
            m_conversationId = jsonscan::intField(frame, field::kConversationId).value_or(0);
        if (ok)
            emit sendAcked(QStringView(), 0);
        else
            emit sendAcked(jsonscan::stringField(frame, field::kCode),
                           jsonscan::intField(frame, field::kRetryAfterMs).value_or(0));
        return;
    }
    const auto it = m_pending.find(re.toString());
    if (it == m_pending.end())
        return;
    const ReplyHandler handler = std::move(it.value());
    m_pending.erase(it);
    handler(natter::codec::parseServerFrame(frame.toString()));
}

void BenchClient::onClosed()
{
    m_closeCode = m_wire ? m_wire->closeCode() : int(m_qt->closeCode());
    // Pending requests learn that no reply will come.
    const QHash<QString, ReplyHandler> pending = std::exchange(m_pending, {});
    for (const ReplyHandler &handler : pending)
        handler(std::nullopt);
    emit closed();
    if (!m_signedIn) {
        fail(QStringLiteral("connection closed before sign-in: %1 (close code %2)")
                 .arg(m_wire ? m_wire->errorString() : m_qt->errorString())
                 .arg(m_closeCode));
        return;
    }
    if (!m_closing)
        emit disconnected(m_closeCode);
}

} // namespace bench
