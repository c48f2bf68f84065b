#include "emojipicker.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace natter::client {
namespace {

struct Emoji
{
    const char *glyph; // UTF-8
    const char *name;
};

// Common ones, by group: faces, gestures, hearts, celebration, work, food, nature.
constexpr Emoji kEmoji[] = {
    {"😀", "grinning face"},
    {"😃", "smiley"},
    {"😄", "smile"},
    {"😁", "grin"},
    {"😆", "laughing"},
    {"😅", "sweat smile"},
    {"😂", "tears of joy"},
    {"🤣", "rolling on the floor laughing"},
    {"🙂", "slightly smiling"},
    {"🙃", "upside down"},
    {"😉", "wink"},
    {"😊", "blush"},
    {"😇", "innocent"},
    {"🥰", "smiling with hearts"},
    {"😍", "heart eyes"},
    {"😘", "kiss"},
    {"😋", "yum"},
    {"😛", "tongue"},
    {"😜", "winking tongue"},
    {"🤪", "zany"},
    {"🤔", "thinking"},
    {"🤨", "raised eyebrow"},
    {"😐", "neutral"},
    {"😑", "expressionless"},
    {"😶", "no mouth"},
    {"🙄", "rolling eyes"},
    {"😏", "smirk"},
    {"😬", "grimace"},
    {"😌", "relieved"},
    {"😔", "pensive"},
    {"😪", "sleepy"},
    {"😴", "sleeping"},
    {"😷", "mask"},
    {"🤒", "thermometer sick"},
    {"🤯", "mind blown"},
    {"🥳", "party face"},
    {"😎", "sunglasses cool"},
    {"🤓", "nerd"},
    {"😕", "confused"},
    {"😟", "worried"},
    {"😮", "open mouth surprised"},
    {"😲", "astonished"},
    {"😳", "flushed"},
    {"🥺", "pleading"},
    {"😢", "cry"},
    {"😭", "sob"},
    {"😱", "scream"},
    {"😤", "triumph huff"},
    {"😡", "angry"},
    {"🤬", "swearing"},
    {"😈", "devil smiling"},
    {"💀", "skull"},
    {"👍", "thumbs up yes"},
    {"👎", "thumbs down no"},
    {"👌", "ok hand"},
    {"✌️", "victory"},
    {"🤞", "fingers crossed"},
    {"🤙", "call me"},
    {"👋", "wave hello"},
    {"🙌", "raised hands"},
    {"👏", "clap"},
    {"🙏", "pray thanks please"},
    {"🤝", "handshake deal"},
    {"💪", "muscle strong"},
    {"👀", "eyes look"},
    {"🫡", "salute"},
    {"🤷", "shrug"},
    {"🤦", "facepalm"},
    {"❤️", "red heart love"},
    {"🧡", "orange heart"},
    {"💛", "yellow heart"},
    {"💚", "green heart"},
    {"💙", "blue heart"},
    {"💜", "purple heart"},
    {"🖤", "black heart"},
    {"💔", "broken heart"},
    {"🎉", "party popper tada"},
    {"🎊", "confetti"},
    {"🎂", "birthday cake"},
    {"🎁", "gift present"},
    {"🏆", "trophy"},
    {"⭐", "star"},
    {"✨", "sparkles"},
    {"🔥", "fire lit"},
    {"💯", "hundred points"},
    {"✅", "check done"},
    {"❌", "cross wrong"},
    {"❓", "question"},
    {"❗", "exclamation"},
    {"⚠️", "warning"},
    {"🚀", "rocket ship launch"},
    {"💡", "idea bulb"},
    {"📌", "pin"},
    {"📎", "paperclip attachment"},
    {"📅", "calendar date"},
    {"⏰", "alarm clock"},
    {"💻", "laptop computer"},
    {"🖥️", "desktop computer"},
    {"📱", "phone mobile"},
    {"📧", "email"},
    {"📝", "memo note"},
    {"📊", "bar chart"},
    {"🐛", "bug"},
    {"🔧", "wrench fix"},
    {"☕", "coffee"},
    {"🍕", "pizza"},
    {"🍔", "burger"},
    {"🍰", "cake"},
    {"🍺", "beer"},
    {"🍷", "wine"},
    {"🍎", "apple"},
    {"🍌", "banana"},
    {"☀️", "sun"},
    {"🌧️", "rain"},
    {"❄️", "snow"},
    {"🌈", "rainbow"},
    {"🌱", "seedling plant"},
    {"🌸", "blossom flower"},
    {"🐶", "dog"},
    {"🐱", "cat"},
};

} // namespace

EmojiPicker::EmojiPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup), m_filter(new QLineEdit(this)), m_grid(new QListWidget(this))
{
    setObjectName(QStringLiteral("emojiPicker"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Emoji"));
    m_filter->setPlaceholderText(tr("Find an emoji"));
    m_filter->setAccessibleName(tr("Find an emoji"));
    m_filter->setClearButtonEnabled(true);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setGridSize(QSize(40, 40));
    m_grid->setAccessibleName(tr("Emoji"));
    QFont big = m_grid->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_grid->setFont(big);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_grid);
    resize(8 * 40 + 36, 6 * 40 + 60);

    connect(m_filter, &QLineEdit::textChanged, this, &EmojiPicker::fill);
    connect(m_grid, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { choose(item->text()); });
    connect(m_grid, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { choose(item->text()); });
    // Down from the filter goes into the grid; Enter there takes the first match.
    m_filter->installEventFilter(this);
    fill(QString());
}

void EmojiPicker::fill(const QString &filter)
{
    m_grid->clear();
    const QString wanted = filter.trimmed();
    QStringList glyphs = m_recent;
    QHash<QString, QString> names;
    for (const Emoji &e : kEmoji) {
        const QString glyph = QString::fromUtf8(e.glyph);
        names.insert(glyph, QString::fromUtf8(e.name));
        if (!glyphs.contains(glyph))
            glyphs.append(glyph);
    }
    for (const QString &glyph : std::as_const(glyphs)) {
        const QString name = names.value(glyph);
        if (!wanted.isEmpty() && !name.contains(wanted, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(glyph, m_grid);
        item->setToolTip(name);
        item->setData(Qt::AccessibleTextRole, name);
        item->setTextAlignment(Qt::AlignCenter);
    }
    if (m_grid->count() > 0)
        m_grid->setCurrentRow(0);
}

void EmojiPicker::setRecent(const QStringList &emoji)
{
    m_recent.clear();
    for (const QString &glyph : emoji) {
        const bool known = std::any_of(std::begin(kEmoji), std::end(kEmoji), [&](const Emoji &e) {
            return glyph == QString::fromUtf8(e.glyph);
        });
        if (known && !m_recent.contains(glyph) && m_recent.size() < kRecent)
            m_recent.append(glyph);
    }
    fill(m_filter->text());
}

void EmojiPicker::choose(const QString &emoji)
{
    m_recent.removeAll(emoji);
    m_recent.prepend(emoji);
    if (m_recent.size() > kRecent)
        m_recent.removeLast();
    hide();
    emit recentChanged(m_recent);
    emit emojiChosen(emoji);
}

void EmojiPicker::popUp(QWidget *anchor)
{
    m_filter->clear();
    fill(QString());
    const QPoint below = anchor->mapToGlobal(QPoint(anchor->width() - width(), anchor->height()));
    const QPoint above = anchor->mapToGlobal(QPoint(anchor->width() - width(), -height()));
    const QScreen *screen = anchor->screen();
    const bool roomBelow = !screen || below.y() + height() <= screen->availableGeometry().bottom();
    move(roomBelow ? below : above);
    show();
    m_filter->setFocus();
}

bool EmojiPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down) {
            m_grid->setFocus();
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_grid->currentItem()) {
            choose(m_grid->currentItem()->text());
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace natter::client
