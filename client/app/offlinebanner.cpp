#include "offlinebanner.h"

#include "sessioncontroller.h"
#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

namespace natter::client {

OfflineBanner::OfflineBanner(SessionController &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_label(new QLabel(this)),
      m_reconnect(new QPushButton(tr("Reconnect now"), this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Connection problem"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_reconnect->setAutoDefault(false);
    m_reconnect->setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 8);
    layout->setSpacing(12);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reconnect);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this]() {
        if (m_retrySeconds > 0)
            --m_retrySeconds;
        refresh();
    });
    connect(&m_session, &SessionController::connectionStateChanged, this,
            [this](ConnectionState state, int retryInSeconds) {
                if (retryInSeconds > 0) {
                    m_retrySeconds = retryInSeconds;
                    m_countdown.start();
                } else if (state != ConnectionState::Offline) {
                    m_retrySeconds = 0;
                    m_countdown.stop();
                }
                refresh();
            });
    connect(&m_session, &SessionController::signedIn, this, &OfflineBanner::refresh);
    connect(&m_session, &SessionController::signedOut, this, &OfflineBanner::refresh);
    connect(m_reconnect, &QPushButton::clicked, &m_session, &SessionController::reconnectNow);
    applyStyle();
    refresh();
}

QString OfflineBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void OfflineBanner::refresh()
{
    const ConnectionState state = m_session.connectionState();
    setVisible(m_session.wantsConnection() && state != ConnectionState::Connected);
    if (state == ConnectionState::Connecting) {
        m_label->setText(tr("Reconnecting to the server…"));
        m_reconnect->setEnabled(false);
    } else {
        // At 0 the retry is due (or none is scheduled: the button still tries).
        m_label->setText(m_retrySeconds > 0
                             ? tr("You are offline. Trying again in %n s. Messages you send go "
                                  "out when the connection is back.",
                                  nullptr, m_retrySeconds)
                             : tr("You are offline. Messages you send go out when the "
                                  "connection is back."));
        m_reconnect->setEnabled(true);
    }
    setAccessibleDescription(m_label->text());
}

void OfflineBanner::applyStyle()
{
    QPalette pal = m_label->palette();
    pal.setColor(QPalette::WindowText, theme::danger(palette()));
    m_label->setPalette(pal);
}

void OfflineBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), theme::dangerBackground(palette()));
    p.setPen(theme::mix(theme::dangerBackground(palette()), theme::danger(palette()), 0.35));
    p.drawLine(0, height() - 1, width(), height() - 1);
}

void OfflineBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
    QWidget::changeEvent(event);
}

} // namespace natter::client
