#pragma once
// Round avatars with initials in a stable colour per name, and the presence dot.

#include <QColor>
#include <QPixmap>
#include <QString>

class QFont;
class QPainter;
class QRectF;

namespace natter::client::avatar {

QString initials(const QString &name);
QColor colorFor(const QString &name);
void paint(QPainter *painter, const QRectF &rect, const QString &name, const QFont &font);
// A green dot at the bottom right of `avatarRect`, ringed with `ring` to stand out.
void paintPresence(QPainter *painter, const QRectF &avatarRect, const QColor &dot,
                   const QColor &ring);
QPixmap pixmap(const QString &name, int size, qreal devicePixelRatio, const QFont &font);

} // namespace natter::client::avatar
