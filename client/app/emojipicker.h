#pragma once
// The emoji picker by the compose box: a popup grid of common emoji with their names (shown
// on hover, read by screen readers, and matched by the filter field), the ones used recently
// first (kept in the profile by the main window). Arrow keys move, Enter or a click inserts, Esc
// closes. Colour glyphs come from the system's emoji font (Debian: fonts-noto-color-emoji).

#include <QFrame>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace natter::client {

class EmojiPicker final : public QFrame
{
    Q_OBJECT

public:
    explicit EmojiPicker(QWidget *parent = nullptr);

    // Opens below-left of `anchor` (above when there is no room), the filter cleared.
    void popUp(QWidget *anchor);
    QListWidget *grid() const { return m_grid; }
    QLineEdit *filterField() const { return m_filter; }
    // The recently used ones, newest first (at most kRecent; unknown glyphs are dropped).
    static constexpr int kRecent = 16;
    void setRecent(const QStringList &emoji);
    QStringList recent() const { return m_recent; }

signals:
    void emojiChosen(const QString &emoji);
    void recentChanged(const QStringList &emoji);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill(const QString &filter);
    void choose(const QString &emoji);

    QLineEdit *m_filter;
    QListWidget *m_grid;
    QStringList m_recent; // newest first
};

} // namespace natter::client
