#include "fakehistory.h"

#include <QDateTime>
#include <QStringList>

namespace bench {
namespace {

// A small deterministic generator, so every run pages through the same conversation.
quint32 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return quint32(x);
}

const QStringList &words()
{
    static const QStringList w =
        QStringLiteral("the a to and of it is that you in for on was with "
                       "this be have not are but at so what can just like "
                       "meeting tomorrow lunch release server build window "
                       "message history scroll bubble later maybe thanks")
            .split(QLatin1Char(' '));
    return w;
}

} // namespace

FakeHistory::FakeHistory(int total)
    : m_total(total), m_newestAt(QDateTime(QDate(2026, 11, 25), QTime(18, 0)).toMSecsSinceEpoch())
{}

natter::Message FakeHistory::messageAt(qint64 id) const
{
    natter::Message m;
    m.id = id;
    m.conversationId = kConversationId;
    const quint32 r = mix(quint64(id));
    // Runs of a few messages per sender; about 80 messages a day.
    m.senderId = (mix(quint64(id) / 3) & 1) ? self().id : peer().id;
    m.createdAt = m_newestAt - (m_total - id) * 18 * 60 * 1000;
    m.rev = id;
    const int wordCount = 1 + int(r % 40);
    QStringList text;
    for (int i = 0; i < wordCount; ++i)
        text << words().at(int(mix(quint64(id) * 64 + quint64(i)) % quint32(words().size())));
    m.content = text.join(QLatin1Char(' '));
    if (r % 29 == 0)
        m.content += QStringLiteral("\nsecond line");
    if (r % 97 == 0) {
        m.editedAt = m.createdAt + 60000;
    }
    return m;
}

QList<natter::Message> FakeHistory::page(qint64 beforeId, int limit) const
{
    QList<natter::Message> out;
    qint64 id = beforeId > 0 ? beforeId - 1 : m_total;
    for (; id >= 1 && out.size() < limit; --id)
        out.append(messageAt(id));
    return out;
}

} // namespace bench
