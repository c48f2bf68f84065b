#pragma once
// While the app is signed in (or resuming) but not connected: a strip across the top of the
// main window that says so in words, counts down to the next retry and offers "Reconnect
// now" (the status bar's dot alone was easy to miss). Hidden while connected or signed out.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace natter::client {

class SessionController;

class OfflineBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit OfflineBanner(SessionController &session, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *reconnectButton() const { return m_reconnect; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyStyle();

    SessionController &m_session;
    QLabel *m_label;
    QPushButton *m_reconnect;
    QTimer m_countdown;
    int m_retrySeconds = 0;
};

} // namespace natter::client
