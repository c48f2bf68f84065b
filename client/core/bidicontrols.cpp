#include "bidicontrols.h"

#include <QVarLengthArray>

namespace natter::client::bidi {
namespace {

constexpr char16_t kLre = 0x202A;
constexpr char16_t kRle = 0x202B;
constexpr char16_t kPdf = 0x202C;
constexpr char16_t kLro = 0x202D;
constexpr char16_t kRlo = 0x202E;
constexpr char16_t kLri = 0x2066;
constexpr char16_t kRli = 0x2067;
constexpr char16_t kFsi = 0x2068;
constexpr char16_t kPdi = 0x2069;

bool isParagraphEnd(char16_t c)
{
    // Unicode's paragraph separators (bidi class B) as they occur in message text.
    return c == u'\n' || c == u'\r' || c == 0x2029 || c == 0x85 || c == 0x1C || c == 0x1D ||
           c == 0x1E;
}

// Open embeddings/overrides (PDF closes them) and isolates (PDI), as UAX #9 pairs them: a
// PDF closes the innermost embedding only when no isolate was opened after it; a PDI closes
// the innermost isolate and every embedding opened inside it.
class OpenControls
{
public:
    void see(char16_t c)
    {
        switch (c) {
        case kLre:
        case kRle:
        case kLro:
        case kRlo:
            m_stack.append(kPdf);
            break;
        case kLri:
        case kRli:
        case kFsi:
            m_stack.append(kPdi);
            ++m_isolates;
            break;
        case kPdf:
            if (!m_stack.isEmpty() && m_stack.last() == kPdf)
                m_stack.removeLast();
            break;
        case kPdi:
            if (m_isolates == 0)
                break;
            while (m_stack.last() != kPdi)
                m_stack.removeLast();
            m_stack.removeLast();
            --m_isolates;
            break;
        default:
            break;
        }
    }
    // Appends the terminators of what is open, innermost first, and forgets it.
    void close(QString &out)
    {
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i)
            out += QChar(m_stack[i]);
        m_stack.clear();
        m_isolates = 0;
    }
    bool isEmpty() const { return m_stack.isEmpty(); }

private:
    QVarLengthArray<char16_t, 8> m_stack;
    int m_isolates = 0;
};

} // namespace

QString terminated(QStringView text)
{
    OpenControls open;
    QString out;
    qsizetype copied = 0; // text before this index is in `out` already
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (isParagraphEnd(c)) {
            if (!open.isEmpty()) {
                out += text.mid(copied, i - copied);
                open.close(out);
                copied = i;
            }
            continue;
        }
        open.see(c);
    }
    if (copied == 0 && open.isEmpty())
        return text.toString();
    out += text.mid(copied);
    open.close(out);
    return out;
}

QString isolated(QStringView text)
{
    return QChar(kFsi) + terminated(text) + QChar(kPdi);
}

} // namespace natter::client::bidi
