// Files in the real windows against the real server in-process: a file dropped onto the
// conversation is uploaded and sent with the compose text as its caption, and the other
// window shows a file bubble with its name and size; a drop onto the compose box sends too;
// a file the server refuses as too large gives a sentence in the status bar, not the
// server's text.
#include "composebox.h"
#include "composepanel.h"
#include "filedownload.h"
#include "fileopener.h"
#include "filetransfer.h"
#include "fileupload.h"
#include "filewindowhelpers.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "testprofiles.h"
#include "transfersbar.h"
#include "windowperson.h"

#include <QAction>
#include <QClipboard>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace filewindows;

class TestFileWindows final : public QObject, public PeopleInWindows
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useFreshTestProfiles();
        qRegisterMetaType<FileDownload *>();
        qRegisterMetaType<FileUpload *>();
    }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void dropOnTheMessagesSendsWithCaption()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        const QString path = makeFile(dir, QStringLiteral("notes.txt"), 2048);
        alice.window->composeBox()->setDraftText(QStringLiteral("for you"));
        QSignalSpy added(&alice.client->files(), &FileSender::uploadAdded);

        dropFiles(alice.window->messageView()->viewport(), {path});
        QCOMPARE(added.count(), 1);
        QCOMPARE(alice.window->composeBox()->draftText(), QString()); // the caption went

        QTRY_VERIFY(fileRow(bob, QStringLiteral("notes.txt")) >= 0);
        const QModelIndex row = bob.messages()->index(fileRow(bob, QStringLiteral("notes.txt")));
        QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("for you"));
        const QString shown = MessageBubbleDelegate::displayText(row);
        QVERIFY2(shown.contains(QStringLiteral("notes.txt")), qPrintable(shown));
        QVERIFY2(shown.contains(QLocale().formattedDataSize(2048)), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("for you")), qPrintable(shown));
        // NATTER_SCREENSHOT=FILE: bob's window as docs/screenshot-files.png shows it.
        if (const QString shot = qEnvironmentVariable("NATTER_SCREENSHOT"); !shot.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(bob.window->grab().save(shot));
        }
    }

    void dropOnTheComposeBoxSends()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        dropFiles(alice.window->composeBox()->viewport(),
                  {makeFile(dir, QStringLiteral("a.bin"), 100),
                   makeFile(dir, QStringLiteral("b.bin"), 200)});
        QCOMPARE(alice.window->composeBox()->draftText(), QString()); // no URL pasted as text
        QTRY_VERIFY(fileRow(bob, QStringLiteral("a.bin")) >= 0);
        QTRY_VERIFY(fileRow(bob, QStringLiteral("b.bin")) >= 0);
        QVERIFY(alice.window->composePanel()->attachButton()->isVisible());
    }

    // "Open file" in bob's message menu downloads it to the cache and launches it from
    // there; a second open launches the cached file without another download.
    void openFileFromTheMenu()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        const QString path = makeFile(dir, QStringLiteral("plan.pdf"), 300 * 1024);
        dropFiles(alice.window->messageView()->viewport(), {path});
        QTRY_VERIFY(fileRow(bob, QStringLiteral("plan.pdf")) >= 0);
        QTRY_VERIFY(bob.messages()
                        ->index(fileRow(bob, QStringLiteral("plan.pdf")))
                        .data(MessageListModel::IdRole)
                        .toLongLong() > 0);

        QList<QUrl> launched;
        bob.window->fileOpener()->setLauncher([&](const QUrl &url) { launched.append(url); });
        QSignalSpy downloads(bob.window->fileOpener(), &FileOpener::downloadStarted);
        const auto openFile = [&]() {
            const QList<QAction *> actions =
                bob.window->messageActions(fileRow(bob, QStringLiteral("plan.pdf")));
            QAction *open = nullptr;
            for (QAction *a : actions)
                open = a->text() == QLatin1String("Open file") ? a : open;
            QVERIFY(open);
            open->trigger();
            qDeleteAll(actions);
        };
        openFile();
        QTRY_COMPARE(launched.size(), 1);
        QCOMPARE(downloads.count(), 1);
        QFile got(launched.at(0).toLocalFile());
        QVERIFY(got.open(QIODevice::ReadOnly));
        QFile sent(path);
        QVERIFY(sent.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), sent.readAll());
        QCOMPARE(QFileInfo(got.fileName()).fileName(), QStringLiteral("plan.pdf"));

        openFile();
        QCOMPARE(launched.size(), 2); // from the cache, at once
        QCOMPARE(downloads.count(), 1);
        QCOMPARE(launched.at(1), launched.at(0));
    }

    // Ctrl+V of an image in the compose box sends it as a PNG file, which bob's side knows
    // as an image (the server sniffed image/png); pasted text still goes into the box.
    void pasteAnImage()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QImage image(120, 80, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QApplication::clipboard()->setImage(image);
        ComposeBox *box = alice.window->composeBox();
        box->setFocus();
        QTest::keySequence(box, QKeySequence::Paste);
        QCOMPARE(box->draftText(), QString());
        int row = -1;
        QTRY_VERIFY(
            (row = [&] {
                for (int r = 0; r < bob.messages()->rowCount(); ++r) {
                    if (bob.messages()->index(r).data(MessageListModel::IsImageRole).toBool())
                        return r;
                }
                return -1;
            }()) >= 0);
        const QJsonObject file =
            bob.messages()->index(row).data(MessageListModel::FileRole).toJsonObject();
        QCOMPARE(file.value(QStringLiteral("mime")).toString(), QStringLiteral("image/png"));
        QVERIFY(file.value(QStringLiteral("name")).toString().endsWith(QLatin1String(".png")));

        QApplication::clipboard()->setText(QStringLiteral("just words"));
        QTest::keySequence(box, QKeySequence::Paste);
        QCOMPARE(box->draftText(), QStringLiteral("just words"));
    }

    // A big file shows its bubble at once, with a bar of its progress in it, and a progress
    // row above the compose box; the row's ✕ cancels the upload: the row and the bubble go
    // and no message is sent.
    void progressThenCancel()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        QSignalSpy added(&alice.client->files(), &FileSender::uploadAdded);
        dropFiles(alice.window->messageView()->viewport(),
                  {makeFile(dir, QStringLiteral("movie.mkv"), 16 * 1024 * 1024)});
        QCOMPARE(added.count(), 1);
        auto *upload = added.at(0).at(0).value<FileUpload *>();
        QWidget *row = alice.window->transfersBar()->rowOf(upload);
        QVERIFY(row);
        auto *cancel = row->findChild<QToolButton *>(QStringLiteral("cancelUpload"));
        QVERIFY(cancel);
        // Seen and cancelled from a slot of the upload's progress, past an eighth of the file:
        // the upload cannot finish meanwhile, however fast this machine is.
        struct
        {
            bool seen = false, running = false, barShown = false, pending = false;
            bool progressKnown = false, painted = false;
        } at;
        QSignalSpy cancelled(upload, &FileUpload::cancelled);
        QSignalSpy failed(upload, &FileUpload::failed);
        QObject scope; // the slot goes with this function's locals
        connect(upload, &FileUpload::progressed, &scope, [&](qint64 done, qint64 total) {
            if (at.seen || done * 8 < total)
                return;
            at.seen = true;
            at.running = done < total && alice.window->transfersBar()->isVisible();
            const auto *bar = row->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
            at.barShown = bar && bar->value() > 0;
            const int bubble = fileRow(alice, QStringLiteral("movie.mkv"));
            if (bubble < 0)
                return;
            at.pending = alice.delivery(bubble) == int(DeliveryState::Pending);
            const auto progress =
                alice.client->transfers().of(alice.messages()
                                                 ->index(bubble)
                                                 .data(MessageListModel::ClientIdRole)
                                                 .toUuid()
                                                 .toString(QUuid::WithoutBraces));
            at.progressKnown = progress && progress->upload && progress->done == done;
            at.painted = transferBarPainted(alice, bubble);
            QTest::mouseClick(cancel, Qt::LeftButton);
        });
        QTRY_VERIFY_WITH_TIMEOUT(at.seen, 15'000);
        QVERIFY(at.running);
        QVERIFY(at.barShown);
        QVERIFY(at.pending);
        QVERIFY(at.progressKnown);
        QVERIFY(at.painted);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(failed.count(), 0);
        QTRY_VERIFY(!alice.window->transfersBar()->isVisible());
        QTest::qWait(300);
        QCOMPARE(fileRow(alice, QStringLiteral("movie.mkv")), -1);
        QCOMPARE(fileRow(bob, QStringLiteral("movie.mkv")), -1);
    }

    // The bubble shown while a file uploads becomes its message: one row, no duplicate, and
    // its bar goes when the file is stored.
    void uploadBubbleBecomesTheMessage()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        QSignalSpy added(&alice.client->files(), &FileSender::uploadAdded);
        dropFiles(alice.window->messageView()->viewport(),
                  {makeFile(dir, QStringLiteral("slides.odp"), 4 * 1024 * 1024)});
        QCOMPARE(added.count(), 1);
        QCOMPARE(alice.messages()->rowCount(), 2); // "hello" and the file's bubble
        const int bubble = fileRow(alice, QStringLiteral("slides.odp"));
        QCOMPARE(bubble, 1);
        QVERIFY(alice.messages()
                    ->index(bubble)
                    .data(MessageListModel::FileRole)
                    .toJsonObject()
                    .value(QStringLiteral("id"))
                    .toString()
                    .isEmpty());                                         // not stored yet
        QTRY_VERIFY(alice.delivery(bubble) >= int(DeliveryState::Sent)); // stored, maybe read
        QCOMPARE(alice.messages()->rowCount(), 2);
        QVERIFY(isFileId(alice.messages()
                             ->index(bubble)
                             .data(MessageListModel::FileRole)
                             .toJsonObject()
                             .value(QStringLiteral("id"))
                             .toString()));
        QTRY_VERIFY(alice.client->transfers().isEmpty());
        QVERIFY(!transferBarPainted(alice, bubble));
        QTRY_VERIFY(fileRow(bob, QStringLiteral("slides.odp")) >= 0);
    }

    // Opening a big file shows its download in its bubble and above the compose box; the
    // row's ✕ stops it: nothing is opened and the row goes.
    void downloadProgressThenCancel()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        dropFiles(alice.window->messageView()->viewport(),
                  {makeFile(dir, QStringLiteral("backup.tar"), 24 * 1024 * 1024)});
        QTRY_VERIFY_WITH_TIMEOUT(fileRow(bob, QStringLiteral("backup.tar")) >= 0, 30'000);
        QList<QUrl> launched;
        bob.window->fileOpener()->setLauncher([&](const QUrl &url) { launched.append(url); });
        QSignalSpy downloads(bob.window->fileOpener(), &FileOpener::downloadStarted);
        const int row = fileRow(bob, QStringLiteral("backup.tar"));
        const QList<QAction *> actions = bob.window->messageActions(row);
        for (QAction *a : actions) {
            if (a->text() == QLatin1String("Open file"))
                a->trigger();
        }
        qDeleteAll(actions);
        QCOMPARE(downloads.count(), 1);
        auto *download = downloads.at(0).at(0).value<FileDownload *>();
        QWidget *transferRow = bob.window->transfersBar()->rowOf(download);
        QVERIFY(transferRow);
        auto *cancel = transferRow->findChild<QToolButton *>(QStringLiteral("cancelDownload"));
        QVERIFY(cancel);
        const QString fileId = bob.messages()
                                   ->index(row)
                                   .data(MessageListModel::FileRole)
                                   .toJsonObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
        // Seen and cancelled from a slot of the download's progress, past an eighth of the
        // file, so it cannot finish meanwhile.
        struct
        {
            bool seen = false, running = false, progressKnown = false, painted = false;
            bool shot = true;
        } at;
        QSignalSpy failed(download, &FileDownload::failed);
        QObject scope; // the slot goes with this function's locals
        connect(download, &FileDownload::progressed, &scope, [&](qint64 done, qint64 total) {
            if (at.seen || done * 8 < total)
                return;
            at.seen = true;
            at.running = done < total && bob.window->transfersBar()->isVisible();
            const auto progress = bob.client->transfers().of(fileId);
            at.progressKnown = progress && !progress->upload && progress->done == done;
            at.painted = transferBarPainted(bob, row);
            // NATTER_SCREENSHOT_TRANSFER=FILE: bob's window mid-download
            // (docs/screenshot-transfer.png).
            if (const QString shot = qEnvironmentVariable("NATTER_SCREENSHOT_TRANSFER");
                !shot.isEmpty())
                at.shot = bob.window->grab().save(shot);
            QTest::mouseClick(cancel, Qt::LeftButton);
        });
        QTRY_VERIFY_WITH_TIMEOUT(at.seen, 15'000);
        QVERIFY(at.running);
        QVERIFY(at.progressKnown);
        QVERIFY(at.painted);
        QVERIFY(at.shot);
        QCOMPARE(failed.count(), 0);
        QTRY_VERIFY(!bob.window->transfersBar()->isVisible());
        QVERIFY(!bob.client->transfers().of(fileId));
        QTest::qWait(300);
        QVERIFY(launched.isEmpty());
    }

    void tooLargeReadsAsASentence()
    {
        stopServer();
        m_server = std::make_unique<TestServer>();
        m_server->config().maxFileBytes = 1000;
        QVERIFY(m_server->start());
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        dropFiles(alice.window->messageView()->viewport(),
                  {makeFile(dir, QStringLiteral("huge.iso"), 5000)});
        QTRY_VERIFY(!alice.window->statusBar()->currentMessage().isEmpty());
        const QString shown = alice.window->statusBar()->currentMessage();
        QVERIFY2(shown.contains(QStringLiteral("huge.iso")), qPrintable(shown));
        QVERIFY2(shown.contains(fileErrorText(ErrorCode::TooLarge)), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("at most")), qPrintable(shown));
        QCOMPARE(fileRow(alice, QStringLiteral("huge.iso")), -1);
    }
};

QTEST_MAIN(TestFileWindows)
#include "tst_filewindows.moc"
