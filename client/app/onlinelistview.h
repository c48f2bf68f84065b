#pragma once
// Which of the people you talk with are online (the server shares presence only between
// people with a conversation): a small avatar with a green presence dot per person.
// Double-click (or Enter) opens the conversation with them.

#include "placeholderlistview.h"

namespace natter::client {

class OnlineListView final : public PlaceholderListView
{
    Q_OBJECT

public:
    explicit OnlineListView(QWidget *parent = nullptr);

    // Offline: the list is what was known when the connection dropped; it is drawn faded,
    // without presence dots, and says so.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

signals:
    void userActivated(qint64 userId, const QString &username);

private:
    bool m_stale = false;
};

} // namespace natter::client
