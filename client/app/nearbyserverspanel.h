#pragma once
// The login dialog's "servers on your network" part: what discovery found (click one to use
// it), searching again, turning discovery off, and hosting a server on this computer when
// there is none. It only reports the chosen address; the dialog fills its field.

#include <QUrl>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace natter::client {

class LocalServerHost;
class ProfileSettings;
class ServerFinder;
struct FoundServer;

class NearbyServersPanel final : public QWidget
{
    Q_OBJECT

public:
    // `finder` and `host` may be null (no discovery / no hosting in this app).
    NearbyServersPanel(ProfileSettings &settings, ServerFinder *finder, LocalServerHost *host,
                       QWidget *parent = nullptr);

    void searchAgain();

    QListWidget *serverList() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *searchButton() const { return m_search; }
    QPushButton *hostButton() const { return m_hostButton; }
    QCheckBox *discoveryCheckBox() const { return m_discovery; }

signals:
    // The user picked a found server, or the hosted one started (hosted = true).
    void serverChosen(const QUrl &url, bool hosted);
    // The first server found on a search (the dialog may fill it in when nothing was chosen).
    void firstServerFound(const QUrl &url);

private:
    void addServer(const natter::client::FoundServer &server);
    void searchFinished();
    void startHosting();
    void setStatus(const QString &text, bool problem = false);
    void updateHostButton();

    ProfileSettings &m_settings;
    ServerFinder *m_finder;
    LocalServerHost *m_hosted;
    QListWidget *m_list;
    QLabel *m_status;
    QPushButton *m_search;
    QPushButton *m_hostButton;
    QCheckBox *m_discovery;
};

} // namespace natter::client
