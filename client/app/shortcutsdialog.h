#pragma once
// "Keyboard shortcuts" (Ctrl+/): every shortcut of a window, read from the window's own
// actions, shortcuts and buttons when it opens (so the list cannot go stale), and the keys
// the widgets handle themselves (sending, the message list).

#include <QDialog>

class QTableWidget;

namespace natter::client {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window);

    // The rows shown: what it does, and its keys in the platform's notation.
    QList<QPair<QString, QString>> rows() const { return m_rows; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void collect();

    QWidget *m_window;
    QTableWidget *m_table;
    QList<QPair<QString, QString>> m_rows;
};

} // namespace natter::client
