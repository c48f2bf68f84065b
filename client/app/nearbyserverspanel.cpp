#include "nearbyserverspanel.h"

#include "icons.h"
#include "localserverhost.h"
#include "profilesettings.h"
#include "serverfinder.h"
#include "theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {
namespace {

constexpr int kUrlRole = Qt::UserRole;

} // namespace

NearbyServersPanel::NearbyServersPanel(ProfileSettings &settings, ServerFinder *finder,
                                       LocalServerHost *host, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_finder(finder), m_hosted(host),
      m_list(new QListWidget(this)), m_status(new QLabel(this)),
      m_search(new QPushButton(tr("Search again"), this)),
      m_hostButton(new QPushButton(tr("Host a server on this computer"), this)),
      m_discovery(new QCheckBox(tr("Look for servers on my network"), this))
{
    auto *title = new QLabel(tr("Servers on your network"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_list->setObjectName(QStringLiteral("nearbyServers"));
    m_list->setUniformItemSizes(true);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
    m_list->setToolTip(tr("Click a server to use its address"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_search->setAutoDefault(false);
    m_hostButton->setAutoDefault(false);
    m_hostButton->setToolTip(
        tr("Runs a Natter server in the background while this app is open, so people on your "
           "network can join you"));
    m_discovery->setChecked(finder && settings.discoveryEnabled());
    m_discovery->setEnabled(finder != nullptr);
    m_hostButton->setVisible(host != nullptr);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_discovery, 1);
    buttons->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(m_list);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_hostButton, 0, Qt::AlignLeft);

    // Single click: choosing a server is a light action, the address stays editable.
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit serverChosen(item->data(kUrlRole).toUrl(), false);
    });
    connect(m_search, &QPushButton::clicked, this, &NearbyServersPanel::searchAgain);
    connect(m_discovery, &QCheckBox::toggled, this, [this](bool on) {
        m_settings.setDiscoveryEnabled(on);
        if (on)
            return searchAgain();
        m_list->clear();
        m_list->setEnabled(false);
        m_search->setEnabled(false);
        setStatus(tr("Not looking for servers. Type the address your administrator gave you."));
    });
    connect(m_hostButton, &QPushButton::clicked, this, &NearbyServersPanel::startHosting);
    if (m_finder) {
        connect(m_finder, &ServerFinder::serverFound, this, &NearbyServersPanel::addServer);
        connect(m_finder, &ServerFinder::searchFinished, this, &NearbyServersPanel::searchFinished);
    }
    if (m_hosted) {
        connect(m_hosted, &LocalServerHost::started, this, [this](const QUrl &url) {
            setStatus(tr("Your server “%1” is running on this computer. People on your network "
                         "find it in their sign-in window; create your account to start.")
                          .arg(m_hosted->name()));
            updateHostButton();
            emit serverChosen(url, true);
        });
        connect(m_hosted, &LocalServerHost::failed, this, [this](const QString &message) {
            m_settings.setHostsServer(false);
            setStatus(tr("The server on this computer could not start. %1").arg(message), true);
            updateHostButton();
        });
    }
    updateHostButton();

    if (m_discovery->isChecked()) {
        searchAgain();
    } else {
        m_list->setEnabled(false);
        m_search->setEnabled(false);
        setStatus(m_finder ? tr("Not looking for servers. Type the address your administrator "
                                "gave you.")
                           : QString());
    }
}

void NearbyServersPanel::searchAgain()
{
    if (!m_finder || !m_discovery->isChecked())
        return;
    m_list->clear();
    m_list->setEnabled(true);
    m_search->setEnabled(false);
    setStatus(tr("Looking for Natter servers on your network…"));
    m_finder->search();
}

void NearbyServersPanel::addServer(const FoundServer &server)
{
    const QString address = QStringLiteral("%1:%2").arg(server.url.host()).arg(server.url.port());
    auto *item = new QListWidgetItem(
        server.name.isEmpty() ? address : tr("%1 — %2").arg(server.name, address), m_list);
    item->setData(kUrlRole, server.url);
    item->setToolTip(server.url.toString());
    if (m_list->count() == 1)
        emit firstServerFound(server.url);
}

void NearbyServersPanel::searchFinished()
{
    m_search->setEnabled(true);
    const int found = m_list->count();
    if (found == 0)
        setStatus(m_hosted ? tr("No Natter server answered on your network. Type a server's "
                                "address, or host one on this computer.")
                           : tr("No Natter server answered on your network. Type a server's "
                                "address."));
    else
        setStatus(found == 1 ? tr("Found one server. Click it to use it.")
                             : tr("Found %1 servers. Click one to use it.").arg(found));
}

void NearbyServersPanel::startHosting()
{
    if (!m_hosted || m_hosted->isRunning())
        return;
    m_settings.setHostsServer(true);
    setStatus(tr("Starting a server on this computer…"));
    m_hostButton->setEnabled(false);
    m_hosted->start();
}

void NearbyServersPanel::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText,
                 problem ? theme::danger(palette()) : theme::mutedText(palette()));
    m_status->setPalette(pal);
    m_status->setVisible(!text.isEmpty());
}

void NearbyServersPanel::updateHostButton()
{
    if (!m_hosted)
        return;
    const bool running = m_hosted->isRunning();
    m_hostButton->setEnabled(!running);
    m_hostButton->setText(running ? tr("Hosting a server on this computer")
                                  : tr("Host a server on this computer"));
}

} // namespace natter::client
