#include "searchdialog.h"

#include "chatclient.h"
#include "placeholderlistview.h"
#include "searchresultdelegate.h"
#include "searchsetup.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

SearchDialog::SearchDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_edit(new QLineEdit(this)), m_chipBar(new QWidget(this)),
      m_chipLayout(new QHBoxLayout(m_chipBar)), m_results(new PlaceholderListView(this)),
      m_status(new QLabel(this)), m_more(new QPushButton(tr("Load more"), this)),
      m_model(createSearchModel(client, this))
{
    setWindowTitle(tr("Search messages"));
    setAccessibleName(tr("Search messages"));
    m_edit->setAccessibleName(tr("Search messages"));
    m_edit->setPlaceholderText(tr("Search messages… (from:name in:conversation "
                                  "before:2026-11-01 after:2026-10-01)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(6);
    m_chipLayout->addStretch(1);
    m_chipBar->hide();
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the query
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_more->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit);
    layout->addWidget(m_chipBar);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_more, 0, Qt::AlignHCenter);
    resize(560, 520);

    connect(m_edit, &QLineEdit::textChanged, this, &SearchDialog::onTextChanged);
    connect(m_edit, &QLineEdit::returnPressed, this, [this]() {
        m_model->searchNow();
        choose(m_results->currentIndex());
    });
    connect(m_results, &QListView::clicked, this, &SearchDialog::choose);
    connect(m_more, &QPushButton::clicked, m_model, &SearchModel::loadMore);
    connect(m_model, &SearchModel::stateChanged, this, &SearchDialog::updateStatus);
    connect(m_model, &SearchModel::pageArrived, this, [this]() {
        if (!m_results->currentIndex().isValid())
            m_results->setCurrentIndex(m_model->index(0));
        updateStatus();
    });
    updateStatus();
}

QListView *SearchDialog::resultView() const
{
    return m_results;
}

void SearchDialog::openWith(const QString &text)
{
    m_chips.clear();
    rebuildChips();
    m_edit->setText(text);
    updateCriteria(); // also when the text is the same as before
    show();
    raise();
    activateWindow();
    m_edit->setFocus();
}

void SearchDialog::reopen()
{
    show();
    raise();
    activateWindow();
    m_edit->setFocus();
    m_edit->selectAll();
}

void SearchDialog::onTextChanged(const QString &text)
{
    const SearchInput input = parseSearchInput(text);
    if (!input.finished.isEmpty()) {
        m_chips += input.finished;
        rebuildChips();
        m_edit->setText(input.rest); // comes back here, without finished filters
        return;
    }
    updateCriteria();
}

void SearchDialog::updateCriteria()
{
    SearchInput input = parseSearchInput(m_edit->text());
    input.filters = m_chips + input.filters;
    const ResolvedSearch resolved = resolveSearch(m_client, input);
    if (!resolved.error.isEmpty())
        m_model->setInputError(resolved.error);
    else
        m_model->setCriteria(resolved.criteria);
    updateStatus();
}

QList<QToolButton *> SearchDialog::chipButtons() const
{
    return m_chipBar->findChildren<QToolButton *>(QStringLiteral("searchChip"),
                                                  Qt::FindDirectChildrenOnly);
}

void SearchDialog::removeChip(int i)
{
    if (i < 0 || i >= m_chips.size())
        return;
    m_chips.removeAt(i);
    rebuildChips();
    updateCriteria();
}

void SearchDialog::rebuildChips()
{
    for (QToolButton *old : chipButtons()) {
        old->hide();
        old->setParent(nullptr); // not listed any more; it may be the one being clicked
        old->deleteLater();
    }
    for (int i = 0; i < m_chips.size(); ++i) {
        auto *chip = new QToolButton(m_chipBar);
        chip->setObjectName(QStringLiteral("searchChip"));
        chip->setText(m_chips.at(i).token() + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Remove this filter"));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, [this, i]() { removeChip(i); });
        m_chipLayout->insertWidget(i, chip);
    }
    m_chipBar->setVisible(!m_chips.isEmpty());
}

void SearchDialog::updateStatus()
{
    const QString error = m_model->errorText();
    QString text = error;
    if (text.isEmpty() && m_model->isSearching() && m_model->rowCount() == 0)
        text = tr("Searching…");
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               error.isEmpty() ? theme::mutedText(palette()) : theme::danger(palette()));
    m_status->setPalette(p);
    m_more->setVisible(m_model->hasMore());
    m_more->setEnabled(!m_model->isSearching());
    const bool answered = m_model->hasSearched() && error.isEmpty();
    m_results->setPlaceholderText(answered ? tr("No messages found.") : QString());
}

void SearchDialog::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit messageChosen(index.data(SearchModel::ConversationIdRole).toLongLong(),
                       index.data(SearchModel::IdRole).toLongLong());
    hide();
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up/Down move through the hits while the cursor stays in the query; Backspace in an
    // empty query removes the last chip.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const int rows = m_model->rowCount();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && rows > 0) {
            const int current = m_results->currentIndex().row();
            const int next =
                key == Qt::Key_Down ? qMin(rows - 1, current + 1) : qMax(0, current - 1);
            m_results->setCurrentIndex(m_model->index(next));
            return true;
        }
        if (key == Qt::Key_Backspace && m_edit->text().isEmpty() && !m_chips.isEmpty()) {
            m_chips.removeLast();
            rebuildChips();
            updateCriteria();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace natter::client
