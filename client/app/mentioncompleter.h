#pragma once
// Typing `@` in the compose box offers the open group's members: a list above the box,
// filtered by what follows the `@` (names starting with it first, then names containing it).
// Up and Down move in it, Enter or Tab puts "@username " in place of what was typed, Esc
// closes it until another `@` is typed. The box keeps the keyboard focus throughout.

#include <QObject>
#include <QStringList>

class QListWidget;
class QPlainTextEdit;
class QWidget;

namespace natter::client {

class MentionCompleter final : public QObject
{
    Q_OBJECT

public:
    // The list is drawn inside `host` (the chat panel), above `anchor` (the compose panel).
    MentionCompleter(QPlainTextEdit *editor, QWidget *anchor, QWidget *host);

    // Who may be mentioned (the open group's other members); empty: no list.
    void setNames(const QStringList &names);
    const QStringList &names() const { return m_names; }
    QListWidget *popup() const { return m_popup; }
    bool isShown() const;
    // The names offered for `prefix`, in the order shown.
    static QStringList matches(const QStringList &names, const QString &prefix);
    static constexpr int kMaxShown = 8;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void insert(const QString &name);
    void place();
    void hide();

    QPlainTextEdit *m_editor;
    QWidget *m_anchor;
    QWidget *m_host;
    QListWidget *m_popup;
    QStringList m_names;
    int m_dismissedAt = -1; // the `@` whose list Esc closed
    int m_shownAt = -1;     // the `@` and the filter the list shows
    QString m_shownPrefix;
};

} // namespace natter::client
