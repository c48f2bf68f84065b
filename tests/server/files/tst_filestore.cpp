// FileStore and UploadWriter: content-addressed storage, resumable uploads, verification, and
// that nothing a client names becomes a path.

#include "files/filestore.h"
#include "files/uploadwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace natter;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + i / 7) & 0xff);
    return bytes;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Resident set size of this process, from /proc (Linux).
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 : -1;
}

} // namespace

class TestFileStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<FileStore>(m_dir->path());
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
    }

    void uploadInChunksIsStoredByHash()
    {
        const QByteArray content = pattern(1000 * 1000);
        const QString hash = sha256Hex(content);
        const QString id = FileStore::newUploadId();
        UploadWriter writer(*m_store, id, content.size(), hash);
        QString error;
        QVERIFY(writer.open(&error));
        for (qint64 at = 0; at < content.size(); at += 256 * 1024)
            QCOMPARE(writer.append(content.mid(at, 256 * 1024)), UploadWriter::Append::Written);
        QVERIFY(writer.complete());
        QCOMPARE(writer.finish(&error), UploadWriter::Finish::Stored);
        QVERIFY(m_store->hasBlob(hash));
        QCOMPARE(readAll(m_store->blobPath(hash)), content);
        QCOMPARE(m_store->partialBytes(id), -1);
        QVERIFY(m_store->blobPath(hash).startsWith(m_dir->path() + QStringLiteral("/blobs/")));
    }

    void cutUploadResumesAtItsOffset()
    {
        const QByteArray content = pattern(300 * 1000);
        const QString hash = sha256Hex(content);
        const QString id = FileStore::newUploadId();
        QString error;
        {
            UploadWriter first(*m_store, id, content.size(), hash);
            QVERIFY(first.open(&error));
            QCOMPARE(first.append(content.left(123456)), UploadWriter::Append::Written);
            // The connection is cut here: the writer goes away unfinished.
        }
        QCOMPARE(m_store->partialBytes(id), 123456);
        UploadWriter second(*m_store, id, content.size(), hash);
        QVERIFY(second.open(&error));
        QCOMPARE(second.offset(), 123456);
        // The bytes already there are hashed apart from open() (the server does it on a worker
        // thread): until then nothing is appended or finished.
        QVERIFY(second.needsHashing());
        QCOMPARE(second.append(content.mid(123456)), UploadWriter::Append::IoError);
        QCOMPARE(second.offset(), 123456);
        QVERIFY(second.hashExisting(&error));
        QVERIFY(!second.needsHashing());
        QCOMPARE(second.append(content.mid(123456)), UploadWriter::Append::Written);
        QCOMPARE(second.finish(&error), UploadWriter::Finish::Stored);
        QCOMPARE(readAll(m_store->blobPath(hash)), content);
    }

    void truncatedUploadIsNotStored()
    {
        const QByteArray content = pattern(5000);
        const QString id = FileStore::newUploadId();
        UploadWriter writer(*m_store, id, content.size(), sha256Hex(content));
        QString error;
        QVERIFY(writer.open(&error));
        QCOMPARE(writer.append(content.left(4999)), UploadWriter::Append::Written);
        QCOMPARE(writer.finish(&error), UploadWriter::Finish::Incomplete);
        QVERIFY(!m_store->hasBlob(sha256Hex(content)));
        QCOMPARE(m_store->partialBytes(id), 4999); // kept, so the upload can resume
    }

    void bytesPastTheAnnouncedSizeAreRefused()
    {
        const QByteArray content = pattern(5000);
        const QString id = FileStore::newUploadId();
        UploadWriter writer(*m_store, id, content.size(), sha256Hex(content));
        QString error;
        QVERIFY(writer.open(&error));
        QCOMPARE(writer.append(content + "x"), UploadWriter::Append::PastEnd);
        QCOMPARE(writer.offset(), 0);
        QCOMPARE(m_store->partialBytes(id), 0);
    }

    void wrongHashIsRefusedAndDiscarded()
    {
        const QByteArray content = pattern(5000);
        const QString claimed = sha256Hex("something else");
        const QString id = FileStore::newUploadId();
        UploadWriter writer(*m_store, id, content.size(), claimed);
        QString error;
        QVERIFY(writer.open(&error));
        QCOMPARE(writer.append(content), UploadWriter::Append::Written);
        QCOMPARE(writer.finish(&error), UploadWriter::Finish::HashMismatch);
        QVERIFY(!m_store->hasBlob(claimed));
        QVERIFY(!m_store->hasBlob(sha256Hex(content)));
        QCOMPARE(m_store->partialBytes(id), -1);
    }

    void sameContentIsStoredOnce()
    {
        const QByteArray content = pattern(7777);
        const QString hash = sha256Hex(content);
        QString error;
        for (int i = 0; i < 2; ++i) {
            const QString id = FileStore::newUploadId();
            UploadWriter writer(*m_store, id, content.size(), hash);
            QVERIFY(writer.open(&error));
            QCOMPARE(writer.append(content), UploadWriter::Append::Written);
            QCOMPARE(writer.finish(&error), UploadWriter::Finish::Stored);
            QCOMPARE(m_store->partialBytes(id), -1);
        }
        QDir blobs(m_dir->path() + QStringLiteral("/blobs/") + hash.left(2));
        QCOMPARE(blobs.entryList(QDir::Files), QStringList{hash});
    }

    void onlyCheckedIdsBecomePaths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("traversal") << QStringLiteral("../../../../etc/passwd");
        QTest::newRow("slash") << QStringLiteral("0123456789abcdef/123456789abcdef");
        QTest::newRow("nul") << QStringLiteral("0123456789abcdef") + QChar(0) +
                                    QStringLiteral("123456789abcde");
        QTest::newRow("upper case") << QStringLiteral("0123456789ABCDEF0123456789ABCDEF");
        QTest::newRow("short") << QStringLiteral("0123456789abcdef");
        QTest::newRow("empty") << QString();
    }

    void onlyCheckedIdsBecomePaths()
    {
        QFETCH(QString, text);
        QVERIFY(!FileStore::isUploadId(text));
        QVERIFY(!FileStore::isSha256Hex(text));
        QCOMPARE(m_store->partialBytes(text), -1);
        QVERIFY(!m_store->hasBlob(text));
        QVERIFY(!m_store->removePartial(text));
        UploadWriter writer(*m_store, text, 10, sha256Hex("0123456789"));
        QString error;
        QVERIFY(!writer.open(&error));
    }

    void newUploadIdsAreValidAndDistinct()
    {
        const QString a = FileStore::newUploadId();
        const QString b = FileStore::newUploadId();
        QVERIFY(FileStore::isUploadId(a));
        QVERIFY(FileStore::isUploadId(b));
        QVERIFY(a != b);
    }

    void contentTypeIsSniffedFromTheBytes()
    {
        const QByteArray png =
            QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(64, '\0');
        const QByteArray text("just some words, whatever the name says\n");
        QString error;
        for (const QByteArray &content : {png, text}) {
            UploadWriter writer(*m_store, FileStore::newUploadId(), content.size(),
                                sha256Hex(content));
            QVERIFY(writer.open(&error));
            QCOMPARE(writer.append(content), UploadWriter::Append::Written);
            QCOMPARE(writer.finish(&error), UploadWriter::Finish::Stored);
        }
        QCOMPARE(m_store->sniffMime(sha256Hex(png)), QStringLiteral("image/png"));
        QCOMPARE(m_store->sniffMime(sha256Hex(text)), QStringLiteral("text/plain"));
    }

    void bigUploadKeepsMemoryBounded()
    {
        // 256 MiB through the writer in 256 KiB chunks, one chunk buffer reused: resident
        // memory grows by little more than a chunk (the page cache is not resident memory).
        constexpr qint64 kChunk = 256 * 1024;
        constexpr qint64 kSize = 256 * 1024 * 1024;
        QByteArray chunk = pattern(kChunk);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (qint64 at = 0; at < kSize; at += kChunk)
            hash.addData(chunk);
        const QString hex = QString::fromLatin1(hash.result().toHex());
        const qint64 before = residentBytes();
        QVERIFY(before > 0);
        UploadWriter writer(*m_store, FileStore::newUploadId(), kSize, hex);
        QString error;
        QVERIFY(writer.open(&error));
        for (qint64 at = 0; at < kSize; at += kChunk)
            QCOMPARE(writer.append(chunk), UploadWriter::Append::Written);
        QCOMPARE(writer.finish(&error), UploadWriter::Finish::Stored);
        const qint64 growth = residentBytes() - before;
        QVERIFY2(growth < 8 * 1024 * 1024, qPrintable(QString::number(growth)));
        m_store->removeBlob(hex);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileStore> m_store;
};

QTEST_GUILESS_MAIN(TestFileStore)
#include "tst_filestore.moc"
