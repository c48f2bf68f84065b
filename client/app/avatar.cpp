#include "avatar.h"

#include <QFont>
#include <QPainter>
#include <QRegularExpression>

#include <array>

namespace natter::client::avatar {

QString initials(const QString &name)
{
    // Usernames are like "alice", "bob.m" or "carol_de_vries": one letter per word, two at most.
    static const QRegularExpression separators(QStringLiteral("[ ._-]+"));
    const QStringList words = name.split(separators, Qt::SkipEmptyParts);
    QString out;
    for (const QString &w : words) {
        out += w.front().toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

QColor colorFor(const QString &name)
{
    // A fixed hash (not qHash, whose seed may vary) into a small set of calm colours that
    // carry white text in light and dark themes alike.
    static constexpr std::array<QRgb, 10> colours = {
        0xe0655a, 0xe88a3c, 0xd4a72c, 0x5cb25d, 0x3fa99c,
        0x4a9be0, 0x5f7ee8, 0x8c6be0, 0xc462b8, 0xe0688f,
    };
    quint32 h = 2166136261u;
    for (const QChar c : name.toLower()) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return QColor::fromRgb(colours[h % colours.size()]);
}

void paint(QPainter *painter, const QRectF &rect, const QString &name, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor base = colorFor(name);
    QLinearGradient gradient(rect.topLeft(), rect.bottomRight());
    gradient.setColorAt(0, base.lighter(112));
    gradient.setColorAt(1, base.darker(108));
    painter->setPen(Qt::NoPen);
    painter->setBrush(gradient);
    painter->drawEllipse(rect);
    QFont f = font;
    f.setBold(true);
    f.setPixelSize(qMax(8, int(rect.height() * 0.4)));
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials(name));
    painter->restore();
}

void paintPresence(QPainter *painter, const QRectF &avatarRect, const QColor &dot,
                   const QColor &ring)
{
    const qreal d = qMax(8.0, avatarRect.width() * 0.3);
    const QRectF r(avatarRect.right() - d + 1, avatarRect.bottom() - d + 1, d, d);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ring, qMax(1.5, d / 5)));
    painter->setBrush(dot);
    painter->drawEllipse(r);
    painter->restore();
}

QPixmap pixmap(const QString &name, int size, qreal devicePixelRatio, const QFont &font)
{
    QPixmap pm(QSize(size, size) * devicePixelRatio);
    pm.setDevicePixelRatio(devicePixelRatio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(&p, QRectF(0, 0, size, size), name, font);
    return pm;
}

} // namespace natter::client::avatar
