#pragma once
// What uploads and downloads share: the /v1/files address next to the chat's, the person's
// words for a server's refusal, and speed / time left from the bytes moved.

#include "errorcode.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace natter::client {

// The file endpoint on the chat server's host, port and scheme (ws/wss).
QUrl filesUrlFor(const QUrl &chatUrl);

// The types the server sniffs that the app shows inline (image/png, jpeg, gif, webp). Never
// SVG or anything else that could be active content.
bool isInlineImageMime(const QString &mime);

// A request of the file endpoint as its text frame.
QString frameText(const QJsonObject &frame);

// A sentence for the person, not the server's wording (which is for developers).
QString fileErrorText(ErrorCode code);

// Lower-case hex SHA-256 of a file, read in blocks (never whole into memory); empty when it
// cannot be read. Blocking: callers run it off the GUI thread (QtConcurrent).
QByteArray sha256OfFile(const QString &path);

// Bytes per second over the transfer so far, and the seconds left at that speed.
class TransferRate final
{
public:
    void start(qint64 doneAtStart);
    double bytesPerSecond(qint64 done) const;
    qint64 secondsLeft(qint64 done, qint64 total) const; // -1: not known yet

private:
    QElapsedTimer m_clock;
    qint64 m_doneAtStart = 0;
};

} // namespace natter::client
