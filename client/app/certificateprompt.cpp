#include "certificateprompt.h"

#include "chatclient.h"

#include <QCryptographicHash>
#include <QMessageBox>
#include <QPushButton>
#include <QSslCertificate>

namespace natter::client {

void askToTrustCertificate(QWidget *parent, ChatClient &client, const QSslCertificate &certificate,
                           bool changed)
{
    const QString fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    const QString subject = certificate.subjectInfo(QSslCertificate::CommonName).join(u", ");
    const QString text =
        changed ? QObject::tr("WARNING: the certificate of %1 has CHANGED since you trusted it.\n"
                              "This can mean someone is intercepting the connection. Only "
                              "continue if the server's administrator confirms this new "
                              "fingerprint:\n\n%2")
                      .arg(subject, fingerprint)
                : QObject::tr("The server %1 uses a certificate that no known authority has "
                              "signed (usual for a server on your own network).\n\nTrust it if "
                              "this fingerprint matches what the server's administrator "
                              "tells you:\n\n%2")
                      .arg(subject, fingerprint);
    QMessageBox box(changed ? QMessageBox::Critical : QMessageBox::Question,
                    QObject::tr("Trust this server?"), text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton *trust = box.addButton(QObject::tr("Trust and connect"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == trust)
        client.session().trustCertificate(certificate);
}

} // namespace natter::client
