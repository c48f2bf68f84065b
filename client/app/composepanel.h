#pragma once
// The bottom of the chat: the compose box with its emoji and send buttons, the size counter near
// the limit, and a banner while an earlier message is being edited (Esc or ✕ cancels).

#include <QFrame>

class QLabel;
class QToolButton;

namespace natter::client {

class ComposeBox;
class EmojiPicker;

class ComposePanel final : public QFrame
{
    Q_OBJECT

public:
    explicit ComposePanel(QWidget *parent = nullptr);

    ComposeBox *composeBox() const { return m_compose; }
    QToolButton *sendButton() const { return m_send; }
    QToolButton *emojiButton() const { return m_emoji; }
    EmojiPicker *emojiPicker() const { return m_emojiPicker; }
    QToolButton *attachButton() const { return m_attach; }
    // The file dialog (the attach button, Ctrl+O): several files at once.
    void chooseFiles();
    QLabel *counterLabel() const { return m_counter; }
    bool isEditBannerShown() const;

signals:
    void filesChosen(const QStringList &paths);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyStyle();
    void showEditBanner(const QString &original);

    ComposeBox *m_compose;
    QWidget *m_banner;
    QLabel *m_bannerIcon;
    QLabel *m_bannerText;
    QToolButton *m_cancelEdit;
    QLabel *m_counter;
    QToolButton *m_send;
    QToolButton *m_emoji;
    EmojiPicker *m_emojiPicker;
    QToolButton *m_attach;
};

} // namespace natter::client
