#pragma once
// What the file and image window suites share: a file on disk, a drop of files as a file
// manager makes it, the row of a file message, and two people talking.
#include "messageview.h"
#include "windowperson.h"

#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QTemporaryDir>
#include <QtTest>

namespace filewindows {

inline QString makeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.write(QByteArray(size, 'x'));
    return file.fileName();
}

// What a file manager's drag carries.
inline void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    data.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

inline int fileRow(const Person &p, const QString &name)
{
    for (int row = 0; row < p.messages()->rowCount(); ++row) {
        const QJsonObject file = p.messages()
                                     ->index(row)
                                     .data(natter::client::MessageListModel::FileRole)
                                     .toJsonObject();
        if (file.value(QStringLiteral("name")).toString() == name)
            return row;
    }
    return -1;
}

// Whether the bubble of `row` shows a transfer's bar: the palette's highlight (the part done)
// painted in the bubble's bottom padding, read from a fresh rendering of the message list.
inline bool transferBarPainted(const Person &p, int row)
{
    natter::client::MessageView *view = p.window->messageView();
    const QRect bubble = view->bubbleRect(p.messages()->index(row));
    const QImage shot = view->viewport()->grab().toImage();
    const qreal ratio = shot.devicePixelRatio();
    const QColor highlight = view->palette().color(QPalette::Highlight);
    for (int y = bubble.bottom() - 6; y <= bubble.bottom(); ++y) {
        for (int x = bubble.left(); x < bubble.right(); ++x) {
            const QColor c = shot.pixelColor(QPoint(x, y) * ratio);
            if (qAbs(c.red() - highlight.red()) + qAbs(c.green() - highlight.green()) +
                    qAbs(c.blue() - highlight.blue()) <
                12)
                return true;
        }
    }
    return false;
}

// alice and bob with a 1:1 conversation open on both sides.
inline void talking(Person &alice, Person &bob)
{
    using natter::client::ConversationListModel;
    alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                        QStringLiteral("bob"));
    alice.client->conversations().sendMessage(QStringLiteral("hello"));
    natter::client::ConversationController &c = bob.client->conversations();
    QTRY_COMPARE(c.list()->rowCount(), 1);
    c.openConversation(c.list()->index(0).data(ConversationListModel::IdRole).toLongLong());
    QTRY_COMPARE(bob.messages()->rowCount(), 1);
    QTRY_VERIFY(alice.client->conversations().openConversationId() > 0);
}

} // namespace filewindows
