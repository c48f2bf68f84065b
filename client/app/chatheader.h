#pragma once
// The top of the open conversation: the peer's avatar, name and whether they are online.

#include <QWidget>

class QLabel;

namespace natter::client {

class ChatHeader final : public QWidget
{
    Q_OBJECT

public:
    explicit ChatHeader(QWidget *parent = nullptr);

    void setPeer(const QString &name, bool online);
    void setOnline(bool online);
    // Offline, the peer's presence is not known: the header must not claim "online".
    void setPresenceKnown(bool known);
    // A group: "3 members, 2 online" instead of a peer's presence (setPeer ends it).
    void setGroupStatus(const QString &status);
    QString peerName() const { return m_peer; }
    // A control at the header's right end (the group's "Members" button).
    void addTrailingWidget(QWidget *widget);
    QString statusText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QString m_peer;
    bool m_online = false;
    bool m_presenceKnown = true;
    QString m_groupStatus;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_status;
};

} // namespace natter::client
