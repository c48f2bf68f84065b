#pragma once
// Above the compose box while files are being sent: one row per upload with its name, a
// progress bar (bytes, speed and time left in the tooltip) and a cancel button.

#include <QHash>
#include <QWidget>

class QVBoxLayout;

namespace natter::client {

class FileSender;
class FileUpload;

class UploadsBar final : public QWidget
{
    Q_OBJECT

public:
    UploadsBar(FileSender &sender, QWidget *parent = nullptr);

    // The row of an upload (tests): nullptr when it is not shown.
    QWidget *rowOf(FileUpload *upload) const { return m_rows.value(upload); }

private:
    void add(FileUpload *upload);
    void remove(FileUpload *upload);

    QVBoxLayout *m_layout;
    QHash<FileUpload *, QWidget *> m_rows;
};

} // namespace natter::client
