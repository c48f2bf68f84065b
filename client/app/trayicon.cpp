#include "trayicon.h"

#include "desktopnotifier.h"
#include "icons.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace natter::client {
namespace {

QIcon badgeIcon(int unread)
{
    QIcon base = icons::appIcon();
    if (unread <= 0)
        return base;
    QPixmap pm = base.pixmap(64, 64);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 3));
    p.setBrush(QColor(0xe0, 0x3e, 0x36));
    p.drawEllipse(QRectF(34, 2, 28, 28));
    return QIcon(pm);
}

} // namespace

TrayIcon::TrayIcon(QWidget *window, DesktopNotifier *notifier)
    : QObject(window), m_window(window), m_notifier(notifier)
{
    if (m_notifier) {
        m_notifier->setParent(this);
        connect(m_notifier, &DesktopNotifier::conversationRequested, this,
                [this](qint64 conversationId) {
                    showWindow();
                    emit conversationRequested(conversationId);
                });
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(badgeIcon(0), this);
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show Natter"), this, &TrayIcon::showWindow);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    showWindow();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this]() {
        showWindow();
        if (m_lastConversation > 0)
            emit conversationRequested(m_lastConversation);
    });
    m_tray->show();
}

QString TrayIcon::plainPreview(const QString &text)
{
    // Some notification servers interpret a subset of HTML and Qt's fallback balloon may too;
    // escaping would show "&lt;" where they do not. Look-alikes read right everywhere.
    QString out = text.simplified().left(240);
    out.replace(QLatin1Char('<'), QChar(0x2039))
        .replace(QLatin1Char('>'), QChar(0x203A))
        .replace(QLatin1Char('&'), QChar(0xFF06));
    return out;
}

void TrayIcon::setUnread(int total, const QString &tooltip)
{
    if (!m_tray)
        return;
    m_tray->setIcon(badgeIcon(total));
    m_tray->setToolTip(tooltip);
}

bool TrayIcon::notify(const QString &sender, const QString &text, qint64 conversationId,
                      bool preview, bool sound)
{
    if (m_window->isActiveWindow())
        return false;
    QApplication::alert(m_window); // taskbar attention, with or without a tray
    const QString body = preview ? plainPreview(text) : tr("New message");
    if (m_notifier && m_notifier->isAvailable()) {
        m_notifier->show(sender, body, conversationId, sound);
        return true;
    }
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_lastConversation = conversationId;
    m_tray->showMessage(sender, body, icons::appIcon(), 6000);
    return true;
}

void TrayIcon::showWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace natter::client
