// `--position left|right` puts each window into its half of the screen with the title bar
// on the screen: the frame (title bar and borders) fits the half, not just the inside.
#include "windowplacement.h"

#include <QMainWindow>
#include <QtTest>

using namespace natter::client;

class TestWindowPlacement : public QObject
{
    Q_OBJECT

private slots:
    void theFrameFitsTheRectangle()
    {
        QMainWindow window;
        const QRect half(508, 8, 484, 700);
        WindowPlacement::place(window, half);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The offscreen platform frames windows like a window manager does.
        QTRY_VERIFY(window.frameGeometry() != window.geometry());
        QTRY_COMPARE(window.frameGeometry(), half);
        QVERIFY(half.contains(window.geometry()));
    }

    void afterFittingTheWindowIsTheUsers()
    {
        QMainWindow window;
        WindowPlacement::place(window, QRect(8, 8, 484, 700));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.frameGeometry().topLeft(), QPoint(8, 8));
        window.move(200, 100);
        QTRY_COMPARE(window.frameGeometry().topLeft(), QPoint(200, 100));
        QTest::qWait(100);
        QCOMPARE(window.frameGeometry().topLeft(), QPoint(200, 100));
    }
};

QTEST_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"
