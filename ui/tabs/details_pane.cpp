#include "tabs/details_pane.h"

#include "index/record_table_model.h"
#include "store/audit_action.h"
#include "store/audit_log.h"
#include "store/store.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace mdm {

namespace {

const QChar kZeroWidthSpace(0x200B);

// An email address is one word to the line breaker, so a narrow pane would cut it anywhere; after the @
// and after each dot it may break, where a reader expects it.
QString breakable(const QString &value)
{
    if (!value.contains(QLatin1Char('@')))
        return value;
    QString out;
    out.reserve(value.size() + 8);
    for (const QChar c : value) {
        out += c;
        if (c == QLatin1Char('@') || c == QLatin1Char('.'))
            out += kZeroWidthSpace;
    }
    return out;
}

QString cell(const QString &value)
{
    return breakable(value).toHtmlEscaped();
}

// What the admin copies from the pane carries no invisible break points.
class Browser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

protected:
    QMimeData *createMimeDataFromSelection() const override
    {
        auto *mime = new QMimeData;
        mime->setText(textCursor().selection().toPlainText().remove(kZeroWidthSpace));
        return mime;
    }
};

} // namespace

DetailsPane::DetailsPane(Store &store, QWidget *parent)
    : QWidget(parent), store_(store), browser_(new Browser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    browser_->setOpenLinks(false);
    browser_->setFrameShape(QFrame::StyledPanel);
    // Lines break between words only (and at the break points breakable() adds), never inside one.
    browser_->setWordWrapMode(QTextOption::WordWrap);
    setMinimumWidth(220);
    showNothing();
}

QString DetailsPane::text() const
{
    return browser_->toPlainText().remove(kZeroWidthSpace);
}

void DetailsPane::showPlaceholder(const QString &title, const QString &hint)
{
    recordId_ = -1;
    browser_->setHtml(QStringLiteral("<p align='center' style='color:gray; margin-top:24px'><b>%1</b></p>"
                                     "<p align='center' style='color:gray'>%2</p>")
                          .arg(title.toHtmlEscaped(), hint.toHtmlEscaped()));
}

void DetailsPane::showNothing()
{
    showPlaceholder(tr("Nothing selected"), tr("Select a row to see every field and its history."));
}

void DetailsPane::showSelectionSummary(qint64 selected)
{
    if (selected <= 0) {
        showNothing();
        return;
    }
    showPlaceholder(tr("%Ln record(s) selected.", nullptr, static_cast<int>(selected)),
                    tr("Select a single row to see every field and its history."));
}

void DetailsPane::showRecord(const RecordTableModel &model, qint64 id)
{
    const auto fields = model.details(id);
    if (fields.isEmpty()) {
        showNothing();
        return;
    }
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const auto &[label, value] : fields)
        html += QStringLiteral("<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), cell(value));
    html += QStringLiteral("</table><h4>%1</h4>").arg(tr("History").toHtmlEscaped());
    const auto history = AuditLog::history(store_, model.recordKind(), id);
    if (history.isEmpty()) {
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("No recorded actions yet.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<ul style='margin-left:-24px'>");
        for (const AuditEntry &entry : history)
            html += QStringLiteral("<li>%1 — %2 <span style='color:gray'>(%3)</span></li>")
                        .arg(QLocale()
                                 .toString(QDateTime::fromMSecsSinceEpoch(entry.atMs).toLocalTime(),
                                           QLocale::ShortFormat)
                                 .toHtmlEscaped(),
                             AuditAction::text(entry.action).toHtmlEscaped(), cell(AuditLog::who(entry)));
        html += QStringLiteral("</ul>");
    }
    // A refresh keeps the admin's place in a long history.
    const int scroll = id == recordId_ ? browser_->verticalScrollBar()->value() : 0;
    recordId_ = id;
    browser_->setHtml(html);
    browser_->verticalScrollBar()->setValue(scroll);
}

} // namespace mdm
