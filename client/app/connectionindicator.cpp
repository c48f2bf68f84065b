#include "connectionindicator.h"

#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace natter::client {
namespace {

QPixmap dot(const QColor &color, qreal dpr)
{
    const int size = 10;
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pm;
}

} // namespace

ConnectionIndicator::ConnectionIndicator(const SessionController &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_dot(new QLabel(this)), m_label(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    m_label->setTextFormat(Qt::PlainText);
    setAccessibleName(tr("Connection state"));

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this]() {
        if (m_retrySeconds > 0)
            --m_retrySeconds;
        refresh();
    });
    connect(&m_session, &SessionController::connectionStateChanged, this,
            [this](ConnectionState s, int retryInSeconds) {
                if (retryInSeconds > 0) {
                    m_retrySeconds = retryInSeconds;
                    m_countdown.start();
                } else if (s != ConnectionState::Offline) {
                    m_retrySeconds = 0;
                    m_countdown.stop();
                }
                refresh();
            });
    refresh();
}

QString ConnectionIndicator::text() const
{
    return m_label->text();
}

void ConnectionIndicator::refresh()
{
    const QPalette pal = palette();
    QColor colour;
    QString text;
    switch (m_session.connectionState()) {
    case ConnectionState::Connected:
        colour = theme::online(pal);
        text = tr("Connected");
        break;
    case ConnectionState::Connecting:
        colour = theme::connecting(pal);
        text = tr("Connecting…");
        break;
    case ConnectionState::Offline:
        colour = theme::danger(pal);
        text = m_retrySeconds > 0 ? tr("Offline — retrying in %1 s").arg(m_retrySeconds)
                                  : tr("Offline");
        break;
    }
    m_label->setText(text);
    m_dot->setPixmap(dot(colour, devicePixelRatioF()));
    const QString server = m_session.serverUrl().toDisplayString();
    setToolTip(server.isEmpty() ? text : tr("%1 (%2)").arg(text, server));
    setAccessibleDescription(text);
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace natter::client
