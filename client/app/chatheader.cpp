#include "chatheader.h"

#include "avatar.h"
#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace natter::client {
namespace {
constexpr int kHeaderAvatar = 38;
}

ChatHeader::ChatHeader(QWidget *parent)
    : QWidget(parent), m_avatar(new QLabel(this)), m_name(new QLabel(this)),
      m_status(new QLabel(this))
{
    m_avatar->setFixedSize(kHeaderAvatar, kHeaderAvatar);
    m_name->setTextFormat(Qt::PlainText);
    m_status->setTextFormat(Qt::PlainText);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);
    QFont statusFont = m_status->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 0.9);
    m_status->setFont(statusFont);

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addStretch();
    text->addWidget(m_name);
    text->addWidget(m_status);
    text->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(12);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    setAccessibleName(tr("Conversation"));
}

void ChatHeader::addTrailingWidget(QWidget *widget)
{
    widget->setParent(this);
    layout()->addWidget(widget);
}

QString ChatHeader::statusText() const
{
    if (!m_groupStatus.isEmpty())
        return m_groupStatus;
    if (!m_presenceKnown)
        return tr("presence unknown while you are offline");
    return m_online ? tr("online") : tr("offline");
}

void ChatHeader::setPresenceKnown(bool known)
{
    if (known == m_presenceKnown)
        return;
    m_presenceKnown = known;
    refresh();
}

void ChatHeader::setPeer(const QString &name, bool online)
{
    m_peer = name;
    m_online = online;
    m_groupStatus.clear();
    refresh();
}

void ChatHeader::setGroupStatus(const QString &status)
{
    m_groupStatus = status;
    m_online = false; // no presence dot on a group's avatar
    refresh();
}

void ChatHeader::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    refresh();
}

void ChatHeader::refresh()
{
    const QPalette pal = palette();
    const qreal dpr = devicePixelRatioF();
    QPixmap pm = avatar::pixmap(m_peer, kHeaderAvatar, dpr, font());
    const bool online = m_online && m_presenceKnown && m_groupStatus.isEmpty();
    if (online) {
        QPainter p(&pm);
        avatar::paintPresence(&p, QRectF(0, 0, kHeaderAvatar, kHeaderAvatar), theme::online(pal),
                              pal.color(QPalette::Base));
    }
    m_avatar->setPixmap(pm);
    m_name->setText(m_peer);
    m_status->setText(statusText());
    QPalette statusPal = m_status->palette();
    statusPal.setColor(QPalette::WindowText, online ? theme::online(pal) : theme::mutedText(pal));
    m_status->setPalette(statusPal);
    setAccessibleDescription(tr("%1, %2").arg(m_peer, statusText()));
}

void ChatHeader::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(theme::separatorLine(palette()));
    p.drawLine(0, height() - 1, width(), height() - 1);
}

void ChatHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace natter::client
