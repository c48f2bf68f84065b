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
    QString peerName() const { return m_peer; }
    QString statusText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QString m_peer;
    bool m_online = false;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_status;
};

} // namespace natter::client
