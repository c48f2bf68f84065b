#include "icons.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

// The resources live in a static library: nothing references their initializer, so the
// linker would drop it unless it is called once by name (from the global namespace).
static void initResources()
{
    Q_INIT_RESOURCE(natter);
}

namespace natter::client::icons {
namespace {
void ensureResources()
{
    static const bool once = (initResources(), true);
    Q_UNUSED(once);
}
} // namespace

QIcon tinted(const QString &name, const QColor &color)
{
    ensureResources();
    QSvgRenderer renderer(QStringLiteral(":/natter/icons/%1.svg").arg(name));
    QIcon icon;
    if (!renderer.isValid())
        return icon;
    for (const int size : {16, 20, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(pm.rect(), color);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

QIcon appIcon()
{
    ensureResources();
    return QIcon(QStringLiteral(":/natter/natter.svg"));
}

} // namespace natter::client::icons
