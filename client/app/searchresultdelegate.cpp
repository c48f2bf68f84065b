#include "searchresultdelegate.h"

#include "searchmarks.h"
#include "searchmodel.h"
#include "theme.h"
#include "timetext.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace natter::client {

namespace {
constexpr int kResultPadX = 10;
constexpr int kResultPadY = 6;
constexpr int kLead = 24; // characters kept before the first match
} // namespace

QString SearchResultDelegate::snippet(const QString &text, int start, int *offset)
{
    QString line = text;
    for (QChar &c : line) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' '); // same length: match offsets stay valid
    }
    *offset = start > kLead ? start - kLead : 0;
    if (*offset == 0)
        return line;
    return QStringLiteral("…") + line.mid(*offset);
}

QString SearchResultDelegate::timeLabel(qint64 createdAtMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(createdAtMs);
    if (at.date() == QDate::currentDate())
        return clockTime(at.time());
    return QLocale().toString(at.date(), QLocale::ShortFormat);
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {200, 2 * fm.height() + 2 * kResultPadY + 2};
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const QRect r = option.rect.adjusted(kResultPadX, kResultPadY, -kResultPadX, -kResultPadY);
    const QFontMetrics fm(option.font);
    painter->save();
    if (option.state & QStyle::State_Selected) {
        QColor sel = pal.color(QPalette::Highlight);
        sel.setAlphaF(0.18f);
        painter->fillRect(option.rect, sel);
    }

    // First line: where and who, and when on the right.
    const QString when = timeLabel(index.data(SearchModel::CreatedAtMsRole).toLongLong());
    const int whenWidth = fm.horizontalAdvance(when);
    painter->setPen(theme::mutedText(pal));
    painter->setFont(option.font);
    painter->drawText(QRect(r.right() - whenWidth, r.top(), whenWidth, fm.height()),
                      Qt::AlignRight | Qt::AlignVCenter, when);
    QFont bold = option.font;
    bold.setBold(true);
    const QString where = index.data(SearchModel::ConversationNameRole).toString();
    const QString who = index.data(SearchModel::SenderNameRole).toString();
    const int room = r.width() - whenWidth - 12;
    const QString whereShown = QFontMetrics(bold).elidedText(where, Qt::ElideRight, room * 2 / 3);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(QPoint(r.left(), r.top() + fm.ascent()), whereShown);
    const int whoX = r.left() + QFontMetrics(bold).horizontalAdvance(whereShown);
    painter->setFont(option.font);
    painter->setPen(theme::mutedText(pal));
    painter->drawText(QPoint(whoX, r.top() + fm.ascent()),
                      fm.elidedText(QStringLiteral(" · ") + who, Qt::ElideRight,
                                    qMax(0, room - (whoX - r.left()))));

    // Second line: the snippet, its matches marked.
    SearchWords words;
    if (const auto *model = qobject_cast<const SearchModel *>(index.model()))
        words = model->highlightWords();
    const QString text = index.data(SearchModel::TextRole).toString();
    const QList<TextRange> matches = matchRanges(text, words);
    int offset = 0;
    const QString line = snippet(text, matches.isEmpty() ? 0 : matches.front().start, &offset);
    const int shift = offset > 0 ? 1 - offset : 0; // text index -> line index ("…" is one)
    QList<QTextLayout::FormatRange> formats;
    for (const TextRange &m : matches) {
        if (m.start + shift < 0)
            continue;
        QTextLayout::FormatRange f;
        f.start = m.start + shift;
        f.length = m.length;
        f.format.setBackground(searchMarkColour(pal));
        formats.append(f);
    }
    QTextLayout layout(line, option.font);
    layout.setFormats(formats);
    QTextOption opt;
    opt.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(opt);
    layout.beginLayout();
    QTextLine l = layout.createLine();
    if (l.isValid())
        l.setLineWidth(1e6);
    layout.endLayout();
    const QRect textRect(r.left(), r.top() + fm.height() + 2, r.width(), fm.height());
    painter->setClipRect(textRect);
    painter->setPen(pal.color(QPalette::Text));
    layout.draw(painter, textRect.topLeft());
    painter->restore();
}

} // namespace natter::client
