#include "themechoice.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

namespace natter::client::theme {
namespace {

struct Desktop
{
    bool saved = false;
    QString style;
    QPalette palette;
    Choice applied = Choice::System;
};

Desktop &desktop()
{
    static Desktop d;
    return d;
}

QPalette make(const QColor &window, const QColor &base, const QColor &alternate, const QColor &text,
              const QColor &button, const QColor &highlight, const QColor &highlightedText,
              const QColor &link, const QColor &disabledText)
{
    QPalette p;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = group == QPalette::Disabled;
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, off ? disabledText : text);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, alternate);
        p.setColor(group, QPalette::Text, off ? disabledText : text);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, off ? disabledText : text);
        p.setColor(group, QPalette::BrightText, Qt::white);
        p.setColor(group, QPalette::Highlight, off ? disabledText : highlight);
        p.setColor(group, QPalette::HighlightedText, highlightedText);
        p.setColor(group, QPalette::Link, link);
        p.setColor(group, QPalette::LinkVisited, link);
        p.setColor(group, QPalette::ToolTipBase, base);
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::PlaceholderText, disabledText);
        p.setColor(group, QPalette::Light, button.lighter(150));
        p.setColor(group, QPalette::Midlight, button.lighter(125));
        p.setColor(group, QPalette::Mid, button.darker(130));
        p.setColor(group, QPalette::Dark, button.darker(160));
        p.setColor(group, QPalette::Shadow, Qt::black);
    }
    return p;
}

qreal luminance(const QColor &c)
{
    const auto channel = [](qreal v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

QString choiceName(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

Choice choiceFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Choice::Light;
    if (name == QLatin1String("dark"))
        return Choice::Dark;
    return Choice::System;
}

QPalette lightPalette()
{
    return make(QColor(0xf3, 0xf4, 0xf6), QColor(0xff, 0xff, 0xff), QColor(0xf6, 0xf7, 0xf9),
                QColor(0x1b, 0x1d, 0x21), QColor(0xec, 0xee, 0xf1), QColor(0x1a, 0x63, 0xb3),
                Qt::white, QColor(0x0b, 0x5c, 0xb8), QColor(0x6b, 0x70, 0x78));
}

QPalette darkPalette()
{
    return make(QColor(0x1e, 0x20, 0x24), QColor(0x26, 0x29, 0x2e), QColor(0x2c, 0x2f, 0x35),
                QColor(0xe8, 0xea, 0xed), QColor(0x32, 0x35, 0x3b), QColor(0x4c, 0x9a, 0xff),
                QColor(0x0e, 0x11, 0x16), QColor(0x8a, 0xb8, 0xff), QColor(0x9a, 0xa0, 0xa8));
}

void apply(Choice choice)
{
    Desktop &d = desktop();
    if (!d.saved) {
        d.saved = true;
        d.style = QApplication::style()->name();
        d.palette = QApplication::palette();
    }
    d.applied = choice;
    if (choice == Choice::System) {
        QApplication::setStyle(QStyleFactory::create(d.style));
        QApplication::setPalette(d.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

Choice applied()
{
    return desktop().applied;
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace natter::client::theme
