#include "tabs/details_pane.h"

#include "index/record_table_model.h"
#include "store/audit_action.h"
#include "store/audit_log.h"
#include "store/store.h"

#include <QDateTime>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mdm {

DetailsPane::DetailsPane(Store &store, QWidget *parent)
    : QWidget(parent), store_(store), browser_(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    browser_->setOpenLinks(false);
    browser_->setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(220);
    showSelectionSummary(0);
}

QString DetailsPane::text() const
{
    return browser_->toPlainText();
}

void DetailsPane::showSelectionSummary(qint64 selected)
{
    const QString message = selected == 0
                                ? tr("Select a row to see every field and its history.")
                                : tr("%Ln record(s) selected.", nullptr, static_cast<int>(selected));
    browser_->setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(message.toHtmlEscaped()));
}

void DetailsPane::showRecord(const RecordTableModel &model, qint64 id)
{
    const auto fields = model.details(id);
    if (fields.isEmpty()) {
        showSelectionSummary(0);
        return;
    }
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const auto &[label, value] : fields)
        html += QStringLiteral("<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
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
                             AuditAction::text(entry.action).toHtmlEscaped(), entry.actor.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    browser_->setHtml(html);
}

} // namespace mdm
