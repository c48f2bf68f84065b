// The wire rule for file names (and the new error codes of files): a name is display text,
// never a path.

#include "errorcode.h"
#include "filename.h"

#include <QTest>

using namespace natter;

class TestFileName final : public QObject
{
    Q_OBJECT

private slots:
    void ordinaryNamesAreAccepted_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QStringLiteral("holiday.jpg");
        QTest::newRow("spaces") << QStringLiteral("Report Q3 (final).pdf");
        QTest::newRow("unicode") << QStringLiteral("Grüße 日本.txt");
        QTest::newRow("leading dots") << QStringLiteral("..hidden");
        QTest::newRow("longest") << QString(255, QLatin1Char('a'));
    }

    void ordinaryNamesAreAccepted()
    {
        QFETCH(QString, name);
        QVERIFY(!validation::checkFileName(name).has_value());
    }

    void pathsAndControlsAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("traversal") << QStringLiteral("../../etc/passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("backslash") << QStringLiteral("..\\..\\boot.ini");
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("dotdot") << QStringLiteral("..");
        QTest::newRow("nul") << (QStringLiteral("a.txt") + QChar(0) + QStringLiteral(".exe"));
        QTest::newRow("newline") << QStringLiteral("a\nb.txt");
        QTest::newRow("c1") << (QStringLiteral("a") + QChar(0x9b) + QStringLiteral("b"));
        QTest::newRow("lone surrogate") << (QStringLiteral("a") + QChar(0xd800));
        QTest::newRow("too long") << QString(256, QLatin1Char('a'));
        QTest::newRow("too long in bytes") << QString(128, QChar(0x00e9));
    }

    void pathsAndControlsAreRefused()
    {
        QFETCH(QString, name);
        const auto error = validation::checkFileName(name);
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::BadRequest);
        QCOMPARE(error->field, QStringLiteral("name"));
    }

    void fileErrorCodesHaveWireNames()
    {
        const QList<QPair<ErrorCode, QString>> codes{
            {ErrorCode::QuotaExceeded, QStringLiteral("quota_exceeded")},
            {ErrorCode::StorageFull, QStringLiteral("storage_full")},
            {ErrorCode::HashMismatch, QStringLiteral("hash_mismatch")},
        };
        for (const auto &[code, name] : codes) {
            QCOMPARE(QString(errorCodeName(code)), name);
            ErrorCode back = ErrorCode::Internal;
            QVERIFY(errorCodeFromName(name, &back));
            QCOMPARE(back, code);
        }
    }
};

QTEST_GUILESS_MAIN(TestFileName)
#include "tst_filename.moc"
