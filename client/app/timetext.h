#pragma once
// Times as a chat shows them: the locale's short clock time without seconds ("14:05",
// "2:05 PM").

#include <QString>

class QTime;

namespace natter::client {

QString clockTime(const QTime &time);

} // namespace natter::client
