// Sha256 (libcrypto): the standard's test vectors, data added in uneven pieces equal to the
// digest of the whole (checked against QCryptographicHash), and a fresh start after result().

#include "sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtTest>

using natter::Sha256;

class TestSha256 final : public QObject
{
    Q_OBJECT

private slots:
    void knownVectors()
    {
        Sha256 hash;
        QCOMPARE(hash.result().toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        hash.addData("abc");
        QCOMPARE(hash.result().toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // result() started afresh: the same input gives the same digest again.
        hash.addData("abc");
        QCOMPARE(hash.result().toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void piecesEqualTheWhole()
    {
        QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator random{7};
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), qsizetype(data.size() / 4));
        Sha256 hash;
        for (qsizetype at = 0, step = 1; at < data.size(); at += step, step = step * 3 + 1)
            hash.addData(data.mid(at, step));
        QCOMPARE(hash.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        hash.addData(data.left(10));
        hash.reset();
        hash.addData(data);
        QCOMPARE(hash.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
