#include "aliceandbob.h"

#include <QJsonObject>

bool AliceAndBob::startAliceAndBob(const StoreMaker &makeStore)
{
    m_server = std::make_unique<TestServer>();
    if (!(makeStore ? m_server->start(makeStore(*m_server)) : m_server->start()))
        return false;
    return signUpAliceAndBob();
}

bool AliceAndBob::startAliceAndBobOverTls()
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->useTls() || !m_server->start())
        return false;
    return signUpAliceAndBob();
}

bool AliceAndBob::signUpAliceAndBob()
{
    m_alice = m_server->user(QStringLiteral("alice"));
    m_bob = m_server->user(QStringLiteral("bob"));
    return m_alice && m_bob;
}

void AliceAndBob::stopAliceAndBob()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

QList<qint64> AliceAndBob::aliceSendsToBob(int n, qint64 *conversation)
{
    QList<qint64> ids;
    for (int i = 0; i < n; ++i) {
        const QJsonObject m = m_alice->sendTo(m_bob->userId(), QStringLiteral("m%1").arg(i))
                                  .value(QStringLiteral("message"))
                                  .toObject();
        ids.append(qint64(m.value(QStringLiteral("id")).toDouble()));
        *conversation = qint64(m.value(QStringLiteral("conversation_id")).toDouble());
    }
    return ids;
}
