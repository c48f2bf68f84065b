// MessageBubbleDelegate: the words it shows for delivery states and days.
#include "messagebubbledelegate.h"

#include "messagelistmodel.h"

#include <QDate>
#include <QLocale>

namespace natter::client {

QString MessageBubbleDelegate::deliveryText(int deliveryState)
{
    switch (DeliveryState(deliveryState)) {
    case DeliveryState::Pending:
        return tr("Waiting to be sent");
    case DeliveryState::Failed:
        return tr("Not sent: the server refused it");
    case DeliveryState::Sent:
        return tr("Sent");
    case DeliveryState::Delivered:
        return tr("Delivered");
    case DeliveryState::Read:
        return tr("Read");
    }
    return {};
}
QString MessageBubbleDelegate::dayLabel(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    if (day.year() == today.year())
        return QLocale().toString(day, QStringLiteral("dddd, d MMMM"));
    return QLocale().toString(day, QLocale::LongFormat);
}

} // namespace natter::client
