#pragma once
// Files being sent, kept in a JSON file in the profile's data dir so that an upload cut by
// closing the app continues at the next sign-in from the server's offset (its upload_id),
// instead of being lost or sent again from the start.

#include <QList>
#include <QString>
#include <QUuid>

namespace natter::client {

struct PendingUpload
{
    QUuid key;
    QString path; // the file on this machine
    qint64 conversationId = 0;
    QString caption;  // sent with the file's message
    QString uploadId; // the server's, once it gave one
};

class PendingUploads final
{
public:
    explicit PendingUploads(QString filePath);

    const QList<PendingUpload> &uploads() const { return m_uploads; }
    void add(const PendingUpload &upload);
    void setUploadId(const QUuid &key, const QString &uploadId);
    void remove(const QUuid &key);
    void clear();

private:
    void load();
    void save() const;

    QString m_path;
    QList<PendingUpload> m_uploads;
};

} // namespace natter::client
