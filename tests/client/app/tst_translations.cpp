// Translations: every user-visible string of client/ is marked for translation and present,
// translated, in every shipped language (a new string or an unmarked literal fails here);
// German translates words and plurals; Arabic mirrors the layout and puts one's own bubbles
// on the left; error replies read as the app's own sentence per code.
#include "codec.h"
#include "conversationlistmodel.h"
#include "errortext.h"
#include "messagebubbledelegate.h"
#include "messagerows.h"
#include "translations.h"

#include <QDirIterator>
#include <QListView>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QStringList translations; // one, or the numerus forms
    bool unfinished = false;
};

QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                m = TsMessage{context,
                              {},
                              xml.attributes().value(QLatin1String("numerus")) ==
                                  QLatin1String("yes"),
                              {},
                              false};
            else if (xml.name() == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                m.unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
                if (!m.numerus)
                    m.translations << xml.readElementText();
            } else if (xml.name() == QLatin1String("numerusform"))
                m.translations << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(m);
        }
    }
    return out;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(NATTER_SOURCE_DIR "/client/translations/natter_%1.ts").arg(language);
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { translations::install(QStringLiteral("en")); }

    void everyStringIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : translations::available())
            QTest::newRow(qPrintable(language)) << language;
    }
    void everyStringIsTranslated()
    {
        QFETCH(QString, language);
        const QList<TsMessage> messages = readTs(tsPath(language));
        QVERIFY(messages.size() > 300);
        QStringList missing;
        for (const TsMessage &m : messages) {
            bool empty = m.translations.isEmpty();
            for (const QString &t : m.translations)
                empty = empty || t.trimmed().isEmpty();
            // A placeholder of the source that the translation lost would show as "%1".
            for (const QString &t : m.translations) {
                for (const QString &p : {QStringLiteral("%1"), QStringLiteral("%2")})
                    empty = empty || (m.source.contains(p) && !t.contains(p));
            }
            if (m.unfinished || empty)
                missing << m.context + QStringLiteral(": ") + m.source.left(60);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QString::number(missing.size()) + QStringLiteral(" not translated:\n") +
                            missing.mid(0, 20).join(QLatin1Char('\n'))));
    }

    // What lupdate finds in the sources now is what the .ts files hold: a new or changed
    // string fails until scripts/update-translations.sh ran and it was translated.
    void translationsFollowTheSources()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(NATTER_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral(NATTER_SOURCE_DIR "/client"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120'000));
        QCOMPARE(lupdate.exitCode(), 0);
        QSet<QString> shipped;
        for (const TsMessage &m : readTs(tsPath(QStringLiteral("de"))))
            shipped.insert(m.context + QLatin1Char('\x1f') + m.source);
        QStringList absent;
        for (const TsMessage &m : readTs(fresh)) {
            if (!shipped.contains(m.context + QLatin1Char('\x1f') + m.source))
                absent << m.context + QStringLiteral(": ") + m.source.left(60);
        }
        QVERIFY2(absent.isEmpty(), qPrintable(QStringLiteral("not in the .ts files (run "
                                                             "scripts/update-translations.sh):\n") +
                                              absent.join(QLatin1Char('\n'))));
    }

    // A literal handed straight to a widget's text is a string nobody can translate.
    void noUnmarkedLiterals()
    {
        static const QRegularExpression call(QStringLiteral(
            "\\b(setText|setWindowTitle|setToolTip|setPlaceholderText|setAccessibleName|"
            "setAccessibleDescription|setStatusTip|setWhatsThis|showMessage|addAction|addMenu|"
            "setLabelText|setHorizontalHeaderLabels|information|warning|critical|question)"
            "\\(\\s*(QStringLiteral\\(|QLatin1String\\()?\"([^\"]*)"));
        // Not words: symbols and glyphs drawn as text.
        static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,}"));
        QStringList found;
        QDirIterator it(QStringLiteral(NATTER_SOURCE_DIR "/client"), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            auto matches = call.globalMatch(text);
            while (matches.hasNext()) {
                const auto m = matches.next();
                // Words, not an address shown as an example ("ws://…").
                if (words.match(m.captured(3)).hasMatch() &&
                    !m.captured(3).contains(QLatin1String("://")))
                    found << QFileInfo(file.fileName()).fileName() + QStringLiteral(": ") +
                                 m.captured(0);
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void germanWordsAndPlurals()
    {
        QCOMPARE(translations::install(QStringLiteral("de")), QStringLiteral("de"));
        const QString newMessages = QCoreApplication::translate("MessageView", "New messages");
        QVERIFY(!newMessages.isEmpty());
        QVERIFY2(newMessages != QLatin1String("New messages"), qPrintable(newMessages));
        const QString one = QCoreApplication::translate("natter::client::ConversationListModel",
                                                        "%1, %n unread", nullptr, 1);
        const QString five = QCoreApplication::translate("natter::client::ConversationListModel",
                                                         "%1, %n unread", nullptr, 5);
        QVERIFY2(one.contains(QLatin1Char('1')) && five.contains(QLatin1Char('5')),
                 qPrintable(one + QStringLiteral(" / ") + five));
        QVERIFY(!one.contains(QLatin1String("unread")));
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    }

    void arabicMirrors()
    {
        QCOMPARE(translations::install(QStringLiteral("ar")), QStringLiteral("ar"));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        QStandardItemModel model;
        model.appendRow(messageItem({QStringLiteral("mine"), true}));
        model.appendRow(messageItem({QStringLiteral("theirs"), false}));
        QListView view;
        view.resize(600, 400);
        auto *delegate = new MessageBubbleDelegate(&view);
        view.setItemDelegate(delegate);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.layoutDirection(), Qt::RightToLeft);
        const auto bubbleOf = [&](int row) {
            QStyleOptionViewItem option;
            option.initFrom(view.viewport());
            option.rect = view.visualRect(model.index(row, 0));
            return delegate->bubbleRect(option, model.index(row, 0));
        };
        const int middle = view.viewport()->width() / 2;
        QVERIFY2(bubbleOf(0).right() < middle, "own bubble on the left");
        QVERIFY2(bubbleOf(1).left() > middle, "the other's bubble on the right");
    }

    void errorsReadInTheAppsWords()
    {
        ProtocolError busy = ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("x"));
        busy.retryAfterMs = 2500;
        QCOMPARE(errorText(busy), QStringLiteral("Too many requests. Try again in 3 s."));
        QCOMPARE(errorText(ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("nope"))),
                 QStringLiteral("You are not allowed to do this."));
        // A code this app does not know: the server's words.
        const auto frame = codec::parseServerFrame(QStringLiteral(
            "{\"type\":\"error\",\"re\":\"a\",\"code\":\"brand_new\",\"message\":\"too early\"}"));
        QVERIFY(frame);
        QVERIFY(errorText(frame->error).contains(QLatin1String("too early")));
        translations::install(QStringLiteral("de"));
        QVERIFY(errorText(busy) != QLatin1String("Too many requests. Try again in 3 s."));
        QVERIFY(errorText(busy).contains(QLatin1Char('3')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
