#pragma once
// Colours of the chat UI, all derived from the current QPalette so the app follows the
// system's light or dark palette. Nothing here is a hard-coded background.

#include <QColor>
#include <QPalette>

namespace natter::client::theme {

bool isDark(const QPalette &palette);
// a blended towards b by t (0..1).
QColor mix(const QColor &a, const QColor &b, qreal t);

QColor chatBackground(const QPalette &palette); // behind the bubbles
QColor ownBubble(const QPalette &palette);      // a tint of the accent
QColor otherBubble(const QPalette &palette);
QColor bubbleOutline(const QPalette &palette);
QColor mutedText(const QPalette &palette); // times, previews, separators
QColor separatorLine(const QPalette &palette);
QColor accent(const QPalette &palette);
QColor readTicks(const QPalette &palette); // "read" ticks, visible on the own bubble
QColor online(const QPalette &palette);
QColor connecting(const QPalette &palette);
QColor danger(const QPalette &palette);
// Derived surfaces, named so their contrast can be checked (tst_themes).
QColor ownMetaText(const QPalette &palette);                  // time and ticks on the own bubble
QColor ownLink(const QPalette &palette);                      // a link in the own bubble
QColor rowBackground(const QPalette &palette, bool selected); // a conversation row: open, hovered
QColor dayPill(const QPalette &palette);                      // behind a day separator's date
QColor dangerBackground(const QPalette &palette);

} // namespace natter::client::theme
