#include "composepanel.h"

#include "composebox.h"
#include "emojipicker.h"
#include "icons.h"
#include "theme.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

ComposePanel::ComposePanel(QWidget *parent)
    : QFrame(parent), m_compose(new ComposeBox(this)), m_banner(new QWidget(this)),
      m_bannerIcon(new QLabel(m_banner)), m_bannerText(new QLabel(m_banner)),
      m_cancelEdit(new QToolButton(m_banner)), m_counter(new QLabel(this)),
      m_send(new QToolButton(this)), m_emoji(new QToolButton(this)),
      m_emojiPicker(new EmojiPicker(this)), m_attach(new QToolButton(this))
{
    setObjectName(QStringLiteral("composePanel"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 4, 4);
    bannerLayout->setSpacing(8);
    bannerLayout->addWidget(m_bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_cancelEdit);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long text clips
    m_cancelEdit->setAutoRaise(true);
    m_cancelEdit->setToolTip(tr("Cancel editing (Esc)"));
    m_cancelEdit->setAccessibleName(tr("Cancel editing"));
    m_banner->hide();

    m_counter->setTextFormat(Qt::PlainText);
    m_counter->setAccessibleName(tr("Characters left"));
    m_counter->hide();
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setCursor(Qt::PointingHandCursor);
    m_send->setIconSize(QSize(20, 20));
    m_send->setFixedSize(38, 38);

    m_emoji->setObjectName(QStringLiteral("emojiButton"));
    m_emoji->setText(QStringLiteral("\U0001F642"));
    m_emoji->setToolTip(tr("Emoji (Ctrl+E)"));
    m_emoji->setAccessibleName(tr("Emoji"));
    m_emoji->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_emoji->setAutoRaise(true);
    m_emoji->setFixedSize(38, 38);
    // Glyphs as icons: as large as the send button's icon, not the text size.
    QFont glyphFont = m_emoji->font();
    glyphFont.setPixelSize(20);
    m_emoji->setFont(glyphFont);
    connect(m_emoji, &QToolButton::clicked, this, [this]() { m_emojiPicker->popUp(m_emoji); });
    connect(m_emojiPicker, &EmojiPicker::emojiChosen, this, [this](const QString &emoji) {
        m_compose->insertPlainText(emoji);
        m_compose->setFocus();
    });

    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(tr("Attach files (Ctrl+O)"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_attach->setText(QStringLiteral("📎"));
    m_attach->setAutoRaise(true);
    m_attach->setFixedSize(38, 38);
    m_attach->setFont(glyphFont);
    connect(m_attach, &QToolButton::clicked, this, &ComposePanel::chooseFiles);
    auto *open = new QShortcut(QKeySequence::Open, this);
    open->setWhatsThis(tr("Send a file"));
    open->setContext(Qt::WindowShortcut);
    connect(open, &QShortcut::activated, this, &ComposePanel::chooseFiles);

    auto *row = new QHBoxLayout;
    row->addWidget(m_attach, 0, Qt::AlignBottom);
    row->setSpacing(8);
    row->addWidget(m_emoji, 0, Qt::AlignBottom);
    row->addWidget(m_compose, 1, Qt::AlignBottom);
    row->addWidget(m_counter, 0, Qt::AlignBottom);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addLayout(row);

    connect(m_send, &QToolButton::clicked, this, [this]() {
        m_compose->submit();
        m_compose->setFocus();
    });
    connect(m_cancelEdit, &QToolButton::clicked, m_compose, &ComposeBox::cancelEdit);
    connect(m_compose, &ComposeBox::editStarted, this,
            [this](qint64, const QString &original) { showEditBanner(original); });
    connect(m_compose, &ComposeBox::editEnded, m_banner, &QWidget::hide);
    connect(m_compose, &ComposeBox::counterChanged, this, [this](const QString &text, bool over) {
        m_counter->setText(text);
        m_counter->setVisible(!text.isEmpty());
        QPalette pal = m_counter->palette();
        pal.setColor(QPalette::WindowText,
                     over ? theme::danger(palette()) : theme::mutedText(palette()));
        m_counter->setPalette(pal);
        m_counter->setToolTip(over ? tr("Too long to send: shorten the message")
                                   : tr("Room left in this message"));
    });
    applyStyle();
}

void ComposePanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(window(), tr("Send files"));
    if (!paths.isEmpty())
        emit filesChosen(paths);
}

bool ComposePanel::isEditBannerShown() const
{
    return !m_banner->isHidden();
}

void ComposePanel::showEditBanner(const QString &original)
{
    QString oneLine = original.simplified();
    if (oneLine.size() > 160)
        oneLine = oneLine.left(160) + QStringLiteral("…");
    m_bannerText->setText(tr("Editing: %1").arg(oneLine));
    m_banner->show();
}

void ComposePanel::applyStyle()
{
    const QPalette pal = palette();
    const QColor accent = theme::accent(pal);
    m_send->setIcon(icons::tinted(QStringLiteral("send"), pal.color(QPalette::HighlightedText)));
    m_send->setStyleSheet(QStringLiteral("QToolButton { background: %1; border: none;"
                                         " border-radius: 19px; }"
                                         "QToolButton:hover { background: %2; }"
                                         "QToolButton:pressed { background: %3; }"
                                         "QToolButton:disabled { background: %4; }")
                              .arg(accent.name(), accent.lighter(110).name(),
                                   accent.darker(110).name(), theme::separatorLine(pal).name()));
    m_compose->setStyleSheet(
        QStringLiteral("QPlainTextEdit { background: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 19px; padding: 9px 12px; }"
                       "QPlainTextEdit:focus { border: 1px solid %4; }"
                       "QPlainTextEdit:disabled { background: %5; }")
            .arg(pal.color(QPalette::Base).name(), pal.color(QPalette::Text).name(),
                 theme::separatorLine(pal).name(), accent.name(),
                 pal.color(QPalette::Window).name()));
    m_bannerIcon->setPixmap(icons::tinted(QStringLiteral("edit"), accent).pixmap(16, 16));
    m_cancelEdit->setIcon(icons::tinted(QStringLiteral("close"), theme::mutedText(pal)));
    m_banner->setAutoFillBackground(true);
    QPalette bannerPal = m_banner->palette();
    bannerPal.setColor(QPalette::Window, theme::mix(pal.color(QPalette::Base), accent, 0.1));
    m_banner->setPalette(bannerPal);
}

void ComposePanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(theme::separatorLine(palette()));
    p.drawLine(0, 0, width(), 0);
}

void ComposePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
    QFrame::changeEvent(event);
}

} // namespace natter::client
