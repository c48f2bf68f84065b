#include "typingindicator.h"

#include "theme.h"

#include <QPainter>

namespace natter::client {

TypingIndicator::TypingIndicator(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Typing indicator"));
    m_animation.setInterval(160);
    connect(&m_animation, &QTimer::timeout, this, [this]() {
        m_phase = (m_phase + 1) % 6;
        update();
    });
}

QString TypingIndicator::text() const
{
    return m_text;
}

void TypingIndicator::setTyping(const QString &username, bool active)
{
    if (active)
        m_username = username;
    else if (username == m_username || username.isEmpty())
        m_username.clear();
    else
        return;
    setText(m_username.isEmpty() ? QString() : tr("%1 is typing…").arg(m_username));
}

void TypingIndicator::setText(const QString &text)
{
    m_text = text;
    if (text.isEmpty())
        m_animation.stop();
    else if (!m_animation.isActive())
        m_animation.start();
    setAccessibleDescription(text);
    update();
}

void TypingIndicator::clear()
{
    setTyping(QString(), false);
}

QSize TypingIndicator::sizeHint() const
{
    return QSize(200, fontMetrics().height() + 6);
}

void TypingIndicator::paintEvent(QPaintEvent *)
{
    if (m_text.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor accent = theme::accent(palette());
    const qreal r = 2.6;
    const qreal cy = height() / 2.0;
    qreal x = 20;
    for (int i = 0; i < 3; ++i) {
        QColor c = accent;
        c.setAlphaF(m_phase % 3 == i ? 1.0f : 0.35f);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QPointF(x, cy), r, r);
        x += 2 * r + 3;
    }
    QFont f = font();
    f.setItalic(true);
    p.setFont(f);
    p.setPen(theme::mutedText(palette()));
    p.drawText(QRectF(x + 6, 0, width() - x - 6, height()), Qt::AlignLeft | Qt::AlignVCenter,
               text());
}

} // namespace natter::client
