#pragma once
// The connection state, always visible in the status bar: a coloured dot and "Connected",
// "Connecting…" or "Offline — retrying in N s" (counting down).

#include "sessioncontroller.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace natter::client {

class ConnectionIndicator final : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(const SessionController &session, QWidget *parent = nullptr);

    QString text() const;
    ConnectionState state() const { return m_session.connectionState(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const SessionController &m_session;
    QLabel *m_dot;
    QLabel *m_label;
    QTimer m_countdown;
    int m_retrySeconds = 0;
};

} // namespace natter::client
