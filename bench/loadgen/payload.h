#pragma once
// What the bench clients send: 64-character message contents that carry their send stamp, and
// client ids (random version-4 UUIDs, made without a system call each).

#include <QString>
#include <QStringView>

#include <optional>

namespace bench::payload {

inline constexpr int kContentChars = 64;

// "t<stamp, 16 hex digits>-<seq, 8 hex digits>-xxxx..." padded to kContentChars.
QString timedContent(qint64 stampNs, quint64 seq);
// The stamp of a timedContent(); nullopt for anything else.
std::optional<qint64> stampOf(QStringView content);

// "h<seq, decimal>-xxxx..." padded to kContentChars: the history fill's messages, numbered from
// 0 so the newest one tells how many the conversation has.
QString fillContent(qint64 seq);
std::optional<qint64> fillSeqOf(QStringView content);

QString newClientId();

} // namespace bench::payload
