// The display string of message text: bidi embeddings, overrides and isolates a message
// opens are closed at the end of each of its paragraphs, so they cannot reach past it.
#include "bidicontrols.h"

#include <QtTest>

using namespace natter::client;

namespace {

const QString kLre = QString(QChar(0x202A));
const QString kRle = QString(QChar(0x202B));
const QString kPdf = QString(QChar(0x202C));
const QString kLro = QString(QChar(0x202D));
const QString kRlo = QString(QChar(0x202E));
const QString kLri = QString(QChar(0x2066));
const QString kRli = QString(QChar(0x2067));
const QString kFsi = QString(QChar(0x2068));
const QString kPdi = QString(QChar(0x2069));

} // namespace

class TestBidiControls final : public QObject
{
    Q_OBJECT

private slots:
    void closesWhatTheTextLeavesOpen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        const QString plain = QStringLiteral("hello");
        QTest::newRow("plain text is unchanged") << plain << plain;
        QTest::newRow("balanced is unchanged")
            << (QStringLiteral("a") + kRlo + QStringLiteral("b") + kPdf)
            << (QStringLiteral("a") + kRlo + QStringLiteral("b") + kPdf);
        QTest::newRow("an unterminated override")
            << (QStringLiteral("abc") + kRlo + QStringLiteral("def"))
            << (QStringLiteral("abc") + kRlo + QStringLiteral("def") + kPdf);
        QTest::newRow("nested, innermost first")
            << (kLre + QStringLiteral("a") + kRli + QStringLiteral("b") + kRlo)
            << (kLre + QStringLiteral("a") + kRli + QStringLiteral("b") + kRlo + kPdf + kPdi +
                kPdf);
        // A PDI closes the embeddings opened inside its isolate.
        QTest::newRow("isolate closes inner embeddings")
            << (kFsi + kRlo + QStringLiteral("x") + kPdi + kLro)
            << (kFsi + kRlo + QStringLiteral("x") + kPdi + kLro + kPdf);
        // A PDF cannot close an embedding from outside an isolate.
        QTest::newRow("PDF does not cross an isolate")
            << (kRle + kLri + kPdf) << (kRle + kLri + kPdf + kPdi + kPdf);
        QTest::newRow("stray terminators are left alone")
            << (kPdf + kPdi + QStringLiteral("z")) << (kPdf + kPdi + QStringLiteral("z"));
        QTest::newRow("each paragraph on its own")
            << (kRlo + QStringLiteral("one\ntwo") + kRli + QStringLiteral("\nthree"))
            << (kRlo + QStringLiteral("one") + kPdf + QStringLiteral("\ntwo") + kRli + kPdi +
                QStringLiteral("\nthree"));
    }

    void closesWhatTheTextLeavesOpen()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(bidi::terminated(text), shown);
    }

    void isolatedWrapsTheTerminatedText()
    {
        const QString evil = QStringLiteral("abc") + kRlo + QStringLiteral("def");
        QCOMPARE(bidi::isolated(evil), kFsi + evil + kPdf + kPdi);
        QCOMPARE(bidi::isolated(QStringLiteral("hi")), kFsi + QStringLiteral("hi") + kPdi);
    }
};

QTEST_GUILESS_MAIN(TestBidiControls)
#include "tst_bidicontrols.moc"
