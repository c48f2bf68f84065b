#include "theme.h"

namespace natter::client::theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const auto blend = [t](float x, float y) { return x + (y - x) * float(t); };
    return QColor::fromRgbF(blend(a.redF(), b.redF()), blend(a.greenF(), b.greenF()),
                            blend(a.blueF(), b.blueF()), blend(a.alphaF(), b.alphaF()));
}

QColor chatBackground(const QPalette &palette)
{
    // Between the window and the list background, with a breath of the accent colour.
    const QColor base = mix(palette.color(QPalette::Window), palette.color(QPalette::Base), 0.35);
    return mix(base, palette.color(QPalette::Highlight), isDark(palette) ? 0.03 : 0.05);
}

QColor ownBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.38 : 0.2);
}

QColor otherBubble(const QPalette &palette)
{
    return isDark(palette) ? mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08)
                           : palette.color(QPalette::Base);
}

QColor bubbleOutline(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlphaF(isDark(palette) ? 0.0f : 0.09f);
    return c;
}

QColor mutedText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor separatorLine(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), palette.color(QPalette::Text), 0.13);
}

QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QColor readTicks(const QPalette &palette)
{
    const QColor a = accent(palette);
    return isDark(palette) ? a.lighter(150) : a.darker(115);
}

QColor online(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xd9, 0x64) : QColor(0x2e, 0xa8, 0x4f);
}

QColor connecting(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x3c) : QColor(0xd9, 0x8e, 0x04);
}

QColor danger(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x5f) : QColor(0xd0, 0x36, 0x2a);
}

QColor dangerBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), danger(palette), isDark(palette) ? 0.25 : 0.1);
}

} // namespace natter::client::theme
