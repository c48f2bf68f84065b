#pragma once
// The app's look: the desktop's own palette and style ("Follow system", the default), or the
// app's Light or Dark palette on the Fusion style. Chosen per profile and applied live: every
// colour of the app derives from the palette (theme.h), and widgets with style sheets redo
// them on QEvent::PaletteChange.

#include <QPalette>
#include <QString>

namespace natter::client::theme {

enum class Choice
{
    System,
    Light,
    Dark,
};

QString choiceName(Choice choice);          // "system", "light", "dark": the settings value
Choice choiceFromName(const QString &name); // unknown: System

QPalette lightPalette();
QPalette darkPalette();
// Sets the application's style and palette. The first call remembers the desktop's, which
// System brings back.
void apply(Choice choice);
Choice applied();

// WCAG 2 contrast ratio of two opaque colours (1 to 21; 4.5 is AA for body text).
qreal contrast(const QColor &a, const QColor &b);

} // namespace natter::client::theme
