#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace natter::client {

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window), m_window(window), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(520, 560);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
}

void ShortcutsDialog::showEvent(QShowEvent *event)
{
    collect();
    QDialog::showEvent(event);
}

void ShortcutsDialog::collect()
{
    m_rows.clear();
    const auto add = [this](QString what, const QKeySequence &keys) {
        what.remove(QLatin1Char('&'));
        what.remove(QStringLiteral("…"));
        if (what.isEmpty() || keys.isEmpty())
            return;
        const QPair<QString, QString> row{what, keys.toString(QKeySequence::NativeText)};
        if (!m_rows.contains(row))
            m_rows.append(row);
    };
    for (const QAction *a : m_window->findChildren<QAction *>())
        add(a->text(), a->shortcut());
    for (const QShortcut *s : m_window->findChildren<QShortcut *>())
        add(s->whatsThis(), s->key());
    for (const QAbstractButton *b : m_window->findChildren<QAbstractButton *>())
        add(b->accessibleName().isEmpty() ? b->toolTip() : b->accessibleName(), b->shortcut());
    // Keys the widgets handle themselves.
    add(tr("Send the message"), QKeySequence(Qt::Key_Return));
    add(tr("New line in the message"), QKeySequence(Qt::SHIFT | Qt::Key_Return));
    add(tr("Edit your last message (empty compose box)"), QKeySequence(Qt::Key_Up));
    add(tr("Previous / next message in the list"), QKeySequence(Qt::Key_Up));
    add(tr("Menu of the current message"), QKeySequence(Qt::SHIFT | Qt::Key_F10));
    add(tr("Move between the window's parts"), QKeySequence(Qt::Key_Tab));
    std::sort(m_rows.begin(), m_rows.end());
    m_table->setRowCount(int(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(m_rows[i].first));
        m_table->setItem(i, 1, new QTableWidgetItem(m_rows[i].second));
    }
}

} // namespace natter::client
