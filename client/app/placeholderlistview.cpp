#include "placeholderlistview.h"

#include "theme.h"

#include <QPainter>

namespace natter::client {

PlaceholderListView::PlaceholderListView(QWidget *parent) : QListView(parent)
{
    setFrameShape(QFrame::NoFrame);
}

void PlaceholderListView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void PlaceholderListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_placeholder.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter p(viewport());
    p.setPen(theme::mutedText(palette()));
    const QRect r = viewport()->rect().adjusted(24, 0, -24, 0);
    p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

} // namespace natter::client
