// Themes: Light, Dark and Follow system switch at run time through the menu a person uses,
// the choice is kept per profile, and text on every main surface keeps WCAG AA contrast
// (4.5:1) in both the app's palettes, measured on the colours the widgets paint with and on
// the pixels of a painted bubble.
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "testprofiles.h"
#include "theme.h"
#include "themechoice.h"
#include "translations.h"
#include "windowperson.h"

#include <QAction>
#include <QMenu>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

struct Pair
{
    const char *what;
    QColor text;
    QColor background;
};

QList<Pair> surfaces(const QPalette &p)
{
    using namespace theme;
    const QColor text = p.color(QPalette::Text);
    const QColor base = p.color(QPalette::Base);
    return {
        {"conversation name, open row", text, rowBackground(p, true)},
        {"conversation preview, open row", mutedText(p), rowBackground(p, true)},
        {"conversation preview, hovered row", mutedText(p), rowBackground(p, false)},
        {"conversation preview", mutedText(p), base},
        {"unread time", accent(p), base},
        {"unread badge", p.color(QPalette::HighlightedText), accent(p)},
        {"own bubble text", text, ownBubble(p)},
        {"own bubble time", ownMetaText(p), ownBubble(p)},
        {"own bubble link", ownLink(p), ownBubble(p)},
        {"other bubble text", text, otherBubble(p)},
        {"other bubble time", mutedText(p), otherBubble(p)},
        {"other bubble link", p.color(QPalette::Link), otherBubble(p)},
        {"compose box", text, base},
        {"header title", p.color(QPalette::WindowText), base},
        {"header presence, online", online(p), base},
        {"header presence, offline", mutedText(p), base},
        {"offline banner", danger(p), dangerBackground(p)},
        {"unread line", accent(p), chatBackground(p)},
        {"day separator", mutedText(p), dayPill(p)},
        {"send button", p.color(QPalette::HighlightedText), accent(p)},
    };
}

QAction *themeAction(QWidget *window, const QString &name)
{
    return window->findChild<QAction *>(QStringLiteral("theme-") + name);
}

} // namespace

class TestThemes final : public QObject, public PeopleInWindows
{
    Q_OBJECT

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup()
    {
        theme::apply(theme::Choice::System);
        stopServer();
    }

    void contrastIsAAInBothThemes_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << theme::lightPalette();
        QTest::newRow("dark") << theme::darkPalette();
    }
    void contrastIsAAInBothThemes()
    {
        QFETCH(QPalette, palette);
        QStringList low;
        for (const Pair &pair : surfaces(palette)) {
            const qreal ratio = theme::contrast(pair.text, pair.background);
            if (ratio < 4.5)
                low << QStringLiteral("%1: %2 on %3 = %4")
                           .arg(QLatin1String(pair.what), pair.text.name(), pair.background.name())
                           .arg(ratio, 0, 'f', 2);
        }
        QVERIFY2(low.isEmpty(), qPrintable(low.join(QLatin1String("; "))));
    }

    void contrastFormula()
    {
        QCOMPARE(qRound(theme::contrast(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(theme::contrast(Qt::red, Qt::red), 1.0);
        QVERIFY(qAbs(theme::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    // The menu's actions switch the look of the open window at once, and the choice is what
    // the profile starts with next time.
    void switchingLiveFromTheMenu()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        QWidget *window = alice.window.get();
        QAction *dark = themeAction(window, QStringLiteral("dark"));
        QAction *light = themeAction(window, QStringLiteral("light"));
        QAction *system = themeAction(window, QStringLiteral("system"));
        QVERIFY(dark && light && system);
        QVERIFY(system->isChecked());

        dark->trigger();
        QVERIFY(dark->isChecked());
        QCOMPARE(theme::applied(), theme::Choice::Dark);
        QCOMPARE(alice.client->settings().theme(), QStringLiteral("dark"));
        QTRY_VERIFY(theme::isDark(alice.window->messageView()->palette()));
        QCOMPARE(alice.window->messageView()->palette().color(QPalette::Base),
                 theme::darkPalette().color(QPalette::Base));

        light->trigger();
        QCOMPARE(alice.client->settings().theme(), QStringLiteral("light"));
        QTRY_VERIFY(!theme::isDark(alice.window->messageView()->palette()));
        QCOMPARE(alice.window->messageView()->palette().color(QPalette::Base),
                 theme::lightPalette().color(QPalette::Base));

        dark->trigger();
        system->trigger();
        QCOMPARE(alice.client->settings().theme(), QStringLiteral("system"));
        QCOMPARE(theme::applied(), theme::Choice::System);
    }

    // A bubble painted in each theme: the text's pixels against the bubble's fill reach AA.
    void paintedBubbleText_data() { contrastIsAAInBothThemes_data(); }
    void paintedBubbleText()
    {
        QFETCH(QPalette, palette);
        // NATTER_SCREENSHOT_LANG=ar: the windows in that language (docs/screenshot-arabic.png).
        const QString language = qEnvironmentVariable("NATTER_SCREENSHOT_LANG");
        if (!language.isEmpty())
            translations::install(language);
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("Anyone up for lunch today?"));
        QTRY_COMPARE(alice.messages()->rowCount(), 1);
        MessageView *view = alice.window->messageView();
        view->setPalette(palette);
        const QModelIndex index = alice.messages()->index(0);
        QTRY_VERIFY(view->bubbleRect(index).height() > 0);
        const QImage shot = view->viewport()->grab().toImage();
        const QRect bubble = view->bubbleRect(index);
        const QColor fill = theme::ownBubble(palette);
        // The darkest (light theme) or lightest (dark) pixel inside the bubble is the text's.
        qreal best = 1;
        const qreal ratio = shot.devicePixelRatio();
        for (int y = bubble.top() + 4; y < bubble.bottom() - 4; ++y) {
            for (int x = bubble.left() + 4; x < bubble.right() - 4; ++x)
                best = qMax(best, theme::contrast(shot.pixelColor(QPoint(x, y) * ratio), fill));
        }
        QVERIFY2(best >= 4.5, qPrintable(QString::number(best)));

        // NATTER_SCREENSHOT=FILE: alice's window in the Dark theme (docs/screenshot-dark.png).
        const QString file = qEnvironmentVariable("NATTER_SCREENSHOT");
        if (file.isEmpty() || theme::isDark(palette) == !language.isEmpty())
            return; // the dark theme in English, or the light one in another language
        view->setPalette(QPalette());
        ConversationController &b = bob.client->conversations();
        QTRY_COMPARE(b.list()->rowCount(), 1);
        b.openConversation(b.list()->index(0).data(ConversationListModel::IdRole).toLongLong());
        const bool ar = language == QLatin1String("ar"); // right to left, one mixed line
        b.sendMessage(ar ? QStringLiteral("غداء الساعة 12؟ المكان الجديد قرب المحطة")
                         : QStringLiteral("Lunch at 12? The new place by the station"));
        QTRY_COMPARE(alice.messages()->rowCount(), 2);
        alice.client->conversations().sendMessage(ar ? QStringLiteral("نعم! أراك هناك 🍜")
                                                     : QStringLiteral("Yes! See you there 🍜"));
        b.sendMessage(ar ? QStringLiteral("سأحجز طاولة في Café Nord")
                         : QStringLiteral("Great, I'll book a table"));
        QTRY_COMPARE(alice.messages()->rowCount(), 4);
        themeAction(alice.window.get(),
                    language.isEmpty() ? QStringLiteral("dark") : QStringLiteral("light"))
            ->trigger();
        QTest::qWait(300);
        QVERIFY(alice.window->grab().save(file));
    }
};

QTEST_MAIN(TestThemes)
#include "tst_themes.moc"
