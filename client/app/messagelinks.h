#pragma once
// The links in a message: http://, https:// and mailto: addresses written in its text, and
// nothing else (no other scheme is ever a link, however it is written). The text stays plain
// text; a link is a range of it, drawn underlined and opened with the system's browser or
// mail program.

#include <QList>
#include <QUrl>

namespace natter::client::links {

struct Link
{
    int start = 0; // in the text searched
    int length = 0;
    QUrl url;
};

QList<Link> find(const QString &text);
// http, https (with a host) or mailto: the only links ever handed to the system.
bool isOpenable(const QUrl &url);

} // namespace natter::client::links
